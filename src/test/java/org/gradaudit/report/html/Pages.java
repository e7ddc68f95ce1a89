package org.gradaudit.report.html;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Auditor;
import org.gradaudit.check.grad.CheckOptions;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.check.grad.GradientChecker;
import org.gradaudit.check.grad.StepCurves;
import org.gradaudit.check.TutorialAudit;
import org.gradaudit.model.Model;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.MlpTargets;
import org.gradaudit.numeric.mlp.Output;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;
import org.gradaudit.symbolic.DeriveSteps;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The three pages of the tests, made once, and helpers to read them as XML. */
final class Pages {

    private static AuditResult audit;
    private static CheckResult check;

    private Pages() {
    }

    /** The tutorial's audit, as published, seed 1. */
    static synchronized AuditResult audit() {
        if (audit == null) {
            audit = Auditor.audit(TutorialAudit.model(TutorialAudit.PUBLISHED), Auditor.Options.defaults(1));
        }
        return audit;
    }

    /** {@code check --layers 2,3,1 --backprop published-dz1}, with its step curves. */
    static synchronized CheckResult failingCheck() {
        if (check == null) {
            CheckTarget target = MlpTargets.mlp(new MlpSpec(List.of(2, 3, 1), Activation.SIGMOID, Output.SIGMOID,
                    Loss.BCE, 1), 1, Backprop.PUBLISHED_DZ1);
            check = StepCurves.attach(target, GradientChecker.check(target, CheckOptions.defaults().withThreads(1)));
        }
        return check;
    }

    static String auditPage() {
        return AuditPage.render(audit(), "test");
    }

    static String checkPage() {
        return CheckPage.render(failingCheck(), "test");
    }

    static String derivePage() {
        Model model = TutorialAudit.model(TutorialAudit.CORRECTED);
        ChainRule rule = new ChainRule(model.graph(), Cas.get());
        List<String> names = new ArrayList<>(model.graph().names());
        names.remove(model.graph().loss());
        java.util.Collections.reverse(names);
        try {
            return DerivePage.render(model, DeriveSteps.of(rule, model.graph().loss(), names, true,
                    org.gradaudit.bounds.Deadline.after(java.time.Duration.ofSeconds(60))), "test");
        } catch (CasException e) {
            throw new AssertionError(e);
        }
    }

    /** The page parsed as XML; fails the test when it is not well-formed. */
    static Document parse(String page) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            throw new AssertionError("the page is not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> elements(Node root, String tag) {
        NodeList list = root instanceof Document d ? d.getElementsByTagName(tag) : ((Element) root).getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static boolean hasClass(Element e, String cls) {
        return List.of(e.getAttribute("class").split(" ")).contains(cls);
    }

    /** The element with this id, or null. */
    static Element byId(Document d, String id) {
        for (Element e : elements(d, "*")) {
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    /** Every text node outside {@code math}, {@code style}, {@code code} and the page title. */
    static List<String> proseText(Node n) {
        List<String> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n.getNodeType() == Node.TEXT_NODE) {
            out.add(n.getNodeValue());
            return;
        }
        if (n instanceof Element e && List.of("math", "style", "code", "title").contains(e.getTagName())) {
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            collect(c, out);
        }
    }
}
