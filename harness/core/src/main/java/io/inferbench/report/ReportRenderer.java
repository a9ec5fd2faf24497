package io.inferbench.report;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
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

    private final TemplateEngine engine;

    /** A renderer using the packaged templates. */
    public ReportRenderer() {
        this(null);
    }

    private ReportRenderer(Path templateDir) {
        engine = new TemplateEngine();
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
        Context context = new Context(Locale.ROOT);
        context.setVariable("report", ReportViewFactory.create(result));
        context.setVariable("accuracy", AccuracyView.of(result));
        return engine.process(PAGE_TEMPLATE, context);
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
