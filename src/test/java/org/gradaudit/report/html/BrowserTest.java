package org.gradaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pages in a real browser: headless Chromium loads each one (the tutorial's audit, the failing
 * {@code --backprop published-dz1} check, a derive page), in the light and the dark scheme, and the
 * test fails on any console message (the pages have no script, so any is an error: a refused
 * resource, a parse problem) or an empty render. Screenshots are kept in
 * {@code target/screenshots/}. Where Chromium is not installed the test is skipped and says so;
 * {@code .ci/run} installs it.
 */
class BrowserTest {
    private static final Path OUT = Path.of("target", "screenshots");
    private static String chromium;

    @BeforeAll
    static void findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    chromium = p.toString();
                    return;
                }
            }
        }
    }

    static Stream<Arguments> pages() {
        return Stream.of(Arguments.of("audit", (Supplier<String>) Pages::auditPage, 1500),
                Arguments.of("check", (Supplier<String>) Pages::checkPage, 2300),
                Arguments.of("derive", (Supplier<String>) Pages::derivePage, 1400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void rendersWithoutConsoleErrorsAndIsNotEmpty(String name, Supplier<String> page, int height) throws Exception {
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (chromium, chromium-browser or google-chrome"
                + " on PATH), so the real-browser test is skipped; .ci/run installs it, or apt-get install chromium");
        Files.createDirectories(OUT);
        Path html = OUT.resolve(name + ".html").toAbsolutePath();
        Files.writeString(html, page.get(), StandardCharsets.UTF_8);
        for (boolean dark : new boolean[] {false, true}) {
            Path png = OUT.resolve(name + (dark ? "-dark" : "") + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            List<String> args = new ArrayList<>(List.of("--screenshot=" + png, "--window-size=1000," + height));
            if (dark) {
                args.add("--force-dark-mode");
                args.add("--blink-settings=preferredColorScheme=0");
            }
            Result r = run(html, args);
            assertTrue(Files.size(png) > 0, name + ": no screenshot\n" + r.err());
            assertNotEmpty(png, dark ? 0 : 0xffffff);
            assertEquals(List.of(), r.console(), name + ": console messages");
        }
        Result dom = run(html, List.of("--dump-dom"));
        assertEquals(List.of(), dom.console(), name + ": console messages");
        assertTrue(dom.out().contains("<math") || name.equals("check"), name + ": the browser's DOM has no MathML");
        assertTrue(dom.out().contains("</main>"), name + ": the DOM the browser built is incomplete");
    }

    private record Result(String out, String err, List<String> console) {
    }

    private static Result run(Path html, List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("gradaudit-chromium");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr",
                "--v=0"));
        cmd.addAll(extra);
        cmd.add(html.toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 90 s: " + cmd);
        }
        String o = Files.readString(out);
        String e = Files.readString(err);
        Files.delete(out);
        Files.delete(err);
        deleteTree(profile);
        List<String> console = e.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        return new Result(o, e, console);
    }

    /** A render is empty when nearly every pixel is the background, or there are hardly any colours. */
    private static void assertNotEmpty(Path png, int background) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        int bg = img.getRGB(0, 0) & 0xffffff;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int c = img.getRGB(x, y) & 0xffffff;
                colours.add(c);
                ink += c == bg ? 0 : 1;
            }
        }
        long samples = (long) (img.getHeight() / 2) * (img.getWidth() / 2);
        assertTrue(ink > samples / 50, png + ": only " + ink + " of " + samples + " pixels differ from the background");
        assertTrue(colours.size() > 20, png + ": only " + colours.size() + " colours");
        if (background == 0) {
            assertTrue(luminance(bg) < 0.3, png + ": the dark scheme's background is light");
        } else {
            assertTrue(luminance(bg) > 0.7, png + ": the light scheme's background is dark");
        }
    }

    private static double luminance(int rgb) {
        return (0.2126 * (rgb >> 16 & 255) + 0.7152 * (rgb >> 8 & 255) + 0.0722 * (rgb & 255)) / 255;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
