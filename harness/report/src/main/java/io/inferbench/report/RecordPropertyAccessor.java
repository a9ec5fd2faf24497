package io.inferbench.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads the report views' record components for Thymeleaf's expression language (OGNL) through
 * cached accessor methods. OGNL looks for {@code getX()} first and, finding none on a record, scans
 * every method of the class for each lookup; that scan was the largest single cost of building a
 * 200-run site. Anything that is not a record component falls back to OGNL's own lookup.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {
    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private RecordPropertyAccessor() {
    }

    /** Registers the accessor for every record class (OGNL finds it through {@link Record}); idempotent. */
    static void install() {
        synchronized (RecordPropertyAccessor.class) {
            try {
                if (!(OgnlRuntime.getPropertyAccessor(Record.class) instanceof RecordPropertyAccessor)) {
                    OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
                }
            } catch (OgnlException e) {
                throw new IllegalStateException("cannot register the record accessor with OGNL", e);
            }
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        Method accessor = ACCESSORS.computeIfAbsent(target.getClass(), RecordPropertyAccessor::components).get(name);
        if (accessor == null) {
            return super.getPossibleProperty(context, target, name);
        }
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new OgnlException("cannot read " + name + " of " + target.getClass().getName(), e);
        }
    }

    private static Map<String, Method> components(Class<?> type) {
        Map<String, Method> byName = new HashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return byName;
        }
        for (RecordComponent c : components) {
            Method m = c.getAccessor();
            m.setAccessible(true); // the views are package-private records
            byName.put(c.getName(), m);
        }
        return byName;
    }
}
