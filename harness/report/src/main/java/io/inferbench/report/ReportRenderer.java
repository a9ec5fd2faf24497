package io.inferbench.report;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the HTML report of one run: a single self-contained page (inline CSS and SVG charts, no
 * scripts, nothing loaded from elsewhere) built from the {@link RunResult} alone. It never runs
 * anything, so any stored {@code result.json} can be re-rendered.
 *
 * <p>The page comes from the Thymeleaf templates {@code report.html} and {@code fragments.html}:
 * by default the copies packaged under {@code reports-templates/} on the class path; with
 * {@link #withTemplates(Path)}, a user's own copies, each falling back to the packaged one when
 * absent. Templates see {@code report}, whose fields are documented in the packaged
 * templates, and {@code accuracy} ({@link AccuracyView}, for {@code accuracy.html}); every string in them
 * is plain text and must be written with {@code th:text}.
 *
 * <p>Instances are immutable and thread-safe; reuse one to render many results.
 */
public final class ReportRenderer {
    /** Class path folder of the packaged templates. */
    public static final String TEMPLATE_FOLDER = "reports-templates/";
    /** Name of the page template, without its {@code .html} suffix. */
    public static final String PAGE_TEMPLATE = "report";
    /**
     * Bump when what the renderer writes changes without a template changing: the site re-renders
     * run pages whose {@code report.html} carries another (see {@link #stamp}).
     */
    static final String REPORT_VERSION = "report/1";
    /** Where a standalone report takes a site's navigation, and the gate section. */
    static final String NAV_MARK = "<!--inferbench:site-nav-->";
    static final String GATE_MARK = "<!--inferbench:site-gate-->";
    private static final byte[] NAV_BYTES = NAV_MARK.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GATE_BYTES = GATE_MARK.getBytes(StandardCharsets.US_ASCII);

    private final TemplateEngine engine;
    private final Path templateDir;
    /** The packaged templates' digest, computed once (a user's folder is digested on every call). */
    private volatile String packagedDigest;

    /** A renderer using the packaged templates. */
    public ReportRenderer() {
        this(null);
    }

    private ReportRenderer(Path templateDir) {
        RecordPropertyAccessor.install();
        this.templateDir = templateDir == null ? null : templateDir.toAbsolutePath().normalize();
        engine = new TemplateEngine();
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new RecordExpressionEvaluator());
        engine.setDialect(dialect);
        ClassLoaderTemplateResolver packaged = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        configure(packaged, TEMPLATE_FOLDER, 2);
        if (templateDir != null) {
            FileTemplateResolver own = new FileTemplateResolver();
            configure(own, templateDir.toAbsolutePath().normalize() + "/", 1);
            own.setCheckExistence(true);
            own.setCacheable(false);
            engine.addTemplateResolver(own);
        }
        engine.addTemplateResolver(packaged);
    }

    /**
     * A renderer that takes {@code report.html} and {@code fragments.html} from {@code dir} when
     * present there, else the packaged ones; e.g. a copy of {@code reports-templates/} edited to
     * taste. Templates are re-read on every render, so edits show without a restart.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public static ReportRenderer withTemplates(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("report template folder does not exist: " + dir);
        }
        return new ReportRenderer(dir);
    }

    /**
     * The report of {@code result} as an HTML document.
     *
     * @throws org.thymeleaf.exceptions.TemplateEngineException when a template is missing or broken
     */
    public String render(RunResult result) {
        Objects.requireNonNull(result, "result");
        return renderStandalone(result, SiteInput.contentDigest(ResultJson.toJson(result).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The standalone report of {@code result}, stamped ({@link #stamp}) as rendered from result bytes
     * whose {@link SiteInput#contentDigest} is {@code resultDigest}; unstamped when that is null.
     */
    String renderStandalone(RunResult result, String resultDigest) {
        Context context = context(result);
        context.setVariable("stamp", resultDigest == null ? null : stamp(resultDigest));
        return engine.process(PAGE_TEMPLATE, context);
    }

    /**
     * What a standalone report says it was rendered from and with: the renderer's version,
     * InferBench's, the templates' digest and the result's content digest (e.g. {@code report/1 inferbench
     * 0.1.0 templates 3fa2… result 9c1e…}). A site reuses a run's {@code report.html} only when it
     * carries the stamp this renderer would write for the run's result.
     */
    String stamp(String resultDigest) {
        String inferbench = ReportRenderer.class.getPackage().getImplementationVersion();
        return REPORT_VERSION + " inferbench " + (inferbench == null ? "dev" : inferbench) + " templates "
                + templatesDigest() + " result " + resultDigest;
    }

    /**
     * A site's page of a run made from its standalone report: {@code site}'s navigation and the
     * gate's section ({@code gate}, none when null) put at the report's marks. Null when the report
     * has no marks (a template of one's own that predates them): render it with
     * {@link #render(RunResult, SiteNav, GateView)} then.
     */
    byte[] sitePage(byte[] standalone, SiteNav site, GateView gate) {
        // On bytes, not text: a report is a megabyte or two of UTF-8 and the marks are ASCII.
        int nav = indexOf(standalone, NAV_BYTES, 0);
        int gateAt = nav < 0 ? -1 : indexOf(standalone, GATE_BYTES, nav);
        if (gateAt < 0) {
            return null;
        }
        byte[] navHtml = fragment("siteNav", Map.of("site", site)).getBytes(StandardCharsets.UTF_8);
        byte[] gateHtml = gate == null ? new byte[0]
                : fragment("gateSection", Map.of("gate", gate)).getBytes(StandardCharsets.UTF_8);
        var out = new java.io.ByteArrayOutputStream(standalone.length + navHtml.length + gateHtml.length);
        out.write(standalone, 0, nav);
        out.writeBytes(navHtml);
        out.write(standalone, nav + NAV_BYTES.length, gateAt - nav - NAV_BYTES.length);
        out.writeBytes(gateHtml);
        out.write(standalone, gateAt + GATE_BYTES.length, standalone.length - gateAt - GATE_BYTES.length);
        return out.toByteArray();
    }

    /** Where {@code part} first occurs in {@code bytes} at or after {@code from}; -1 when it does not. */
    static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = Math.max(0, from); i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One fragment of {@code fragments.html}, e.g. {@code siteNav}, with its parameters as variables. */
    private String fragment(String name, Map<String, Object> variables) {
        Context context = new Context(Locale.ROOT);
        context.setVariables(variables);
        return engine.process(new TemplateSpec("fragments", Set.of(name), TemplateMode.HTML, null), context);
    }

    /** The report of {@code result} as a page of a site, with links back to it ({@code site}), or standalone. */
    String render(RunResult result, SiteNav site) {
        return render(result, site, null);
    }

    /** The report as a site page, with the gate's verdicts on the run ({@code gate}, null when not gated). */
    String render(RunResult result, SiteNav site, GateView gate) {
        Context context = context(result);
        context.setVariable("site", site);
        context.setVariable("gate", gate);
        return engine.process(PAGE_TEMPLATE, context);
    }

    private static Context context(RunResult result) {
        Objects.requireNonNull(result, "result");
        Context context = new Context(Locale.ROOT);
        context.setVariable("report", ReportViewFactory.create(result));
        context.setVariable("accuracy", AccuracyView.of(result));
        context.setVariable("optimizations", OptimizationView.of(result));
        context.setVariable("lengths", LengthsView.of(result, ReportViewFactory.colours(result)));
        context.setVariable("serving", ServingView.of(result));
        return context;
    }

    /** The packaged templates and assets, by name (what a user may copy and override). */
    static final List<String> TEMPLATE_FILES = List.of("report.html", "fragments.html", "accuracy.html",
            "site-index.html", "site-scenario.html", "site-compare.html", "site-chooser.html", "site.js");

    /**
     * SHA-256 over every template this renderer may use: the packaged ones and, with
     * {@link #withTemplates}, every file of the user's folder. A site built with other templates is
     * rebuilt in full.
     */
    String templatesDigest() {
        if (templateDir == null) {
            String digest = packagedDigest;
            if (digest == null) {
                packagedDigest = digest = digestTemplates();
            }
            return digest;
        }
        return digestTemplates();
    }

    private String digestTemplates() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : TEMPLATE_FILES) {
                try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(TEMPLATE_FOLDER + name)) {
                    sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                    if (in != null) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            if (templateDir != null) {
                try (var files = Files.list(templateDir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(("own " + f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report templates", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A site page from template {@code template} with {@code variables}; {@code script}, when not
     * null, is the page's only script, allowed by its SHA-256 hash in the Content-Security-Policy
     * (variable {@code csp}) and written inline (variable {@code script}).
     */
    String renderPage(String template, Map<String, Object> variables, String script) {
        Context context = new Context(Locale.ROOT);
        context.setVariables(variables);
        context.setVariable("script", script);
        context.setVariable("csp", csp(script));
        return engine.process(template, context);
    }

    /** The Content-Security-Policy of a page whose only script is {@code script} (none when null). */
    static String csp(String script) {
        String scripts = "";
        if (script != null) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
                scripts = "; script-src 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
        return "default-src 'none'; style-src 'unsafe-inline'; img-src data:" + scripts
                + "; base-uri 'none'; form-action 'none'";
    }

    /**
     * A static file beside the templates, e.g. {@code site.js}: from the user's template folder when
     * present there, else the packaged one.
     */
    String asset(String name) {
        try {
            if (templateDir != null && Files.isRegularFile(templateDir.resolve(name))) {
                return Files.readString(templateDir.resolve(name), StandardCharsets.UTF_8);
            }
            try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(TEMPLATE_FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing packaged report asset " + TEMPLATE_FOLDER + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report asset " + name, e);
        }
    }

    /**
     * Renders {@code result} and writes it, UTF-8, to {@code htmlFile} through a temporary file and
     * an atomic rename, so a reader never sees half a report. Creates missing parent folders.
     */
    public void write(RunResult result, Path htmlFile) throws IOException {
        Objects.requireNonNull(htmlFile, "htmlFile");
        ResultJson.writeAtomically(htmlFile, render(result).getBytes(StandardCharsets.UTF_8));
    }

    private static void configure(AbstractConfigurableTemplateResolver r, String prefix, int order) {
        r.setPrefix(prefix);
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        r.setOrder(order);
    }
}
