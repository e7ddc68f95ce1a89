package org.gradaudit.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gradaudit.testing.GradientModel;

/**
 * Loads {@code check --model CLASS} from {@code --classpath PATHS}: a path list like
 * {@code java -cp}'s ({@code a.jar:classes/}, separated by the platform's path separator), each
 * entry a jar or a class directory that must exist. Whatever goes wrong is said as what the model
 * did (its static initialiser threw, its constructor threw, it needs a class that is not there), as
 * an {@link InputException} whose cause is the model's own exception, for {@code --debug}.
 *
 * <p>The model's code runs with the user's full rights: it is the user's own, named by them.
 */
final class ModelLoader {
    private ModelLoader() {
    }

    /** The class loader for {@code --classpath}, or this one's when there is none. */
    static ClassLoader classLoader(String classpath) {
        ClassLoader parent = ModelLoader.class.getClassLoader();
        if (classpath == null) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator, -1)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                throw new InputException("--classpath " + entry + ": no such file or directory");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InputException("--classpath " + entry + ": " + e.getMessage());
            }
        }
        if (urls.isEmpty()) {
            throw new InputException("--classpath '" + classpath + "' names no jar or directory");
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * Loads, initialises and constructs the model.
     *
     * @param name the class's binary name, such as {@code com.example.MyNet}
     * @param loader from {@link #classLoader}
     * @param where the classpath, for messages
     * @throws InputException with what went wrong and the model's exception as its cause
     */
    static GradientModel load(String name, ClassLoader loader, String where) {
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new InputException("--model " + name + ": class not found in " + where);
        } catch (LinkageError e) {
            throw new InputException("--model " + name + ": cannot be loaded: " + e, e);
        }
        if (!GradientModel.class.isAssignableFrom(c)) {
            throw new InputException("--model " + name + " does not implement " + GradientModel.class.getName());
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            throw new InputException("--model " + name + " is abstract or an interface");
        }
        try {
            Class.forName(name, true, loader);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InputException("--model " + name + ": its static initialiser threw " + cause, cause);
        } catch (NoClassDefFoundError e) {
            throw new InputException("--model " + name + ": it needs a class that is not on the classpath ("
                    + e.getMessage() + "); add its jar to --classpath", e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InputException("--model " + name + ": cannot be initialised: " + e, e);
        }
        try {
            return (GradientModel) c.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new InputException("--model " + name + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new InputException("--model " + name + ": its constructor threw " + cause, cause);
        } catch (InstantiationException e) {
            throw new InputException("--model " + name + " is abstract or an interface");
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InputException("--model " + name + ": its constructor failed: " + cause, cause);
        }
    }
}
