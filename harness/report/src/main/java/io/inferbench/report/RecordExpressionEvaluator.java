package io.inferbench.report;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;

/**
 * Evaluates the templates' plain property chains ({@code ${r.p50}}, {@code ${report.charts.latency}})
 * directly on the report views' records; everything else goes to Thymeleaf's OGNL evaluator. OGNL
 * walks each chain through reflection and class-interface scans on every evaluation (its
 * shortcut path does not apply to records, which have no {@code getX()}), and that was the largest
 * cost of rendering a run's page; a chain here is one cached method handle per step.
 *
 * <p>Only a chain of identifiers whose first name is a context variable and whose every step lands
 * on a record component is handled; a null along the way, a map, a selection ({@code *{...}}) or a
 * restricted context falls back to OGNL, so errors and edge cases keep OGNL's behaviour.
 * Thread-safe.
 */
final class RecordExpressionEvaluator implements IStandardVariableExpressionEvaluator {
    private static final Pattern CHAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final String[] NOT_A_CHAIN = new String[0];

    private final IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
    private final Map<String, String[]> chains = new ConcurrentHashMap<>();
    private final Map<Class<?>, Map<String, MethodHandle>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        String[] chain = expression.getExpression() == null ? NOT_A_CHAIN
                : chains.computeIfAbsent(expression.getExpression(), RecordExpressionEvaluator::parse);
        boolean selection = expression.getUseSelectionAsRoot() && context instanceof ITemplateContext t
                && t.hasSelectionTarget();
        if (chain.length == 0 || selection || expContext.getRestrictVariableAccess()
                || expContext.getRestrictInstantiationAndStatic() || !context.containsVariable(chain[0])) {
            return ognl.evaluate(context, expression, expContext);
        }
        Object value = context.getVariable(chain[0]);
        for (int i = 1; i < chain.length; i++) {
            MethodHandle accessor = value instanceof Record ? accessor(value.getClass(), chain[i]) : null;
            if (accessor == null) {
                return ognl.evaluate(context, expression, expContext);
            }
            try {
                value = accessor.invoke(value);
            } catch (Throwable e) {
                throw new TemplateProcessingException("cannot evaluate \"" + expression.getExpression() + "\"", e);
            }
        }
        return expContext.getPerformTypeConversion()
                ? StandardExpressions.getConversionService(context.getConfiguration()).convert(context, value,
                String.class)
                : value;
    }

    private MethodHandle accessor(Class<?> type, String name) {
        return accessors.computeIfAbsent(type, RecordExpressionEvaluator::components).get(name);
    }

    private static Map<String, MethodHandle> components(Class<?> type) {
        Map<String, MethodHandle> byName = new HashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return byName;
        }
        for (RecordComponent c : components) {
            try {
                var method = c.getAccessor();
                method.setAccessible(true); // the views are package-private records
                byName.put(c.getName(), MethodHandles.lookup().unreflect(method));
            } catch (IllegalAccessException | RuntimeException e) {
                // not accessible from here: OGNL gets this one
            }
        }
        return byName;
    }

    private static String[] parse(String expression) {
        String e = expression.strip();
        return CHAIN.matcher(e).matches() ? e.split("\\.") : NOT_A_CHAIN;
    }
}
