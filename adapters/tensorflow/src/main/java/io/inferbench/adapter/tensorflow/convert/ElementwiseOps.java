package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.NodeContext.u;

import io.inferbench.api.BackendException;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Element-wise ONNX operators. ONNX's multidirectional broadcasting is NumPy's, which is also
 * TensorFlow's, so binary operators map one to one. Element-wise operators keep a channels-last
 * input channels-last (see {@link TfValue}), so chains of convolutions, batch normalisations and
 * activations need no transposes in between.
 */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    static void register(Map<String, OpConverter> ops) {
        ops.put("Add", n -> binary(n, (a, b) -> n.tf.math.add(u(a), u(b))));
        ops.put("Sub", n -> binary(n, (a, b) -> n.tf.math.sub(u(a), u(b))));
        ops.put("Mul", n -> binary(n, (a, b) -> n.tf.math.mul(u(a), u(b))));
        ops.put("Div", n -> binary(n, (a, b) -> isFloating(a)
                ? n.tf.math.div(u(a), u(b))
                : n.tf.math.truncateDiv(u(a), u(b)))); // ONNX integer division truncates, like C
        ops.put("Pow", ElementwiseOps::pow);
        ops.put("Max", n -> variadic(n, (a, b) -> n.tf.math.maximum(u(a), u(b))));
        ops.put("Min", n -> variadic(n, (a, b) -> n.tf.math.minimum(u(a), u(b))));
        ops.put("Sum", n -> variadic(n, (a, b) -> n.tf.math.add(u(a), u(b))));
        ops.put("Equal", n -> binary(n, (a, b) -> n.tf.math.equal(u(a), u(b))));
        ops.put("Less", n -> binary(n, (a, b) -> n.tf.math.less(u(a), u(b))));
        ops.put("Greater", n -> binary(n, (a, b) -> n.tf.math.greater(u(a), u(b))));
        ops.put("And", n -> binary(n, (a, b) -> n.tf.math.logicalAnd(u(a), u(b))));
        ops.put("Or", n -> binary(n, (a, b) -> n.tf.math.logicalOr(u(a), u(b))));
        ops.put("Where", n -> List.of(TfValue.of(n.tf,
                n.tf.select(u(n.input(0)), u(n.input(1)), u(n.input(2))))));

        ops.put("Identity", n -> List.of(n.value(0)));
        ops.put("Dropout", n -> List.of(n.value(0))); // inference: identity (the mask output is not supported)
        ops.put("Sqrt", n -> unary(n, x -> n.tf.math.sqrt(u(x))));
        ops.put("Erf", n -> unary(n, x -> n.tf.math.erf(u(x))));
        ops.put("Exp", n -> unary(n, x -> n.tf.math.exp(u(x))));
        ops.put("Log", n -> unary(n, x -> n.tf.math.log(u(x))));
        ops.put("Neg", n -> unary(n, x -> n.tf.math.neg(u(x))));
        ops.put("Abs", n -> unary(n, x -> n.tf.math.abs(u(x))));
        ops.put("Reciprocal", n -> unary(n, x -> n.tf.math.reciprocal(u(x))));
        ops.put("Floor", n -> unary(n, x -> n.tf.math.floor(u(x))));
        ops.put("Ceil", n -> unary(n, x -> n.tf.math.ceil(u(x))));
        ops.put("Tanh", n -> unary(n, x -> n.tf.math.tanh(u(x))));
        ops.put("Sigmoid", n -> unary(n, x -> n.tf.math.sigmoid(u(x))));
        ops.put("Relu", n -> unary(n, x -> n.tf.nn.relu(u(x))));
        ops.put("Not", n -> unary(n, x -> n.tf.math.logicalNot(u(x))));
        ops.put("LeakyRelu", n -> {
            float alpha = n.attrFloat("alpha", 0.01f);
            return unary(n, x -> n.tf.nn.leakyRelu(u(x), org.tensorflow.op.nn.LeakyRelu.alpha(alpha)));
        });
        ops.put("HardSigmoid", n -> {
            float alpha = n.attrFloat("alpha", 0.2f);
            float beta = n.attrFloat("beta", 0.5f);
            return unary(n, x -> {
                Operand<?> y = n.tf.math.add(n.tf.math.mul(u(x), n.tf.constantOfSameType(u(x), alpha)),
                        n.tf.constantOfSameType(u(x), beta));
                return n.tf.math.minimum(n.tf.math.maximum(u(y), n.tf.constantOfSameType(u(x), 0)),
                        n.tf.constantOfSameType(u(x), 1));
            });
        });
        ops.put("Clip", ElementwiseOps::clip);
        ops.put("Cast", n -> {
            var type = OnnxTensors.tfType((int) n.attrInt("to", 0), "Cast " + n.node.getName());
            return unary(n, x -> n.tf.dtypes.cast(x, type));
        });
    }

    private static boolean isFloating(Operand<?> x) {
        return TFloating.class.isAssignableFrom(x.type());
    }

    /** A unary op, applied in whichever layout the input has. */
    static List<TfValue> unary(NodeContext n, UnaryOperator<Operand<?>> op) throws BackendException {
        var x = n.value(0);
        return List.of(x.isChannelsLast()
                ? TfValue.channelsLast(n.tf, op.apply(x.nhwc()))
                : TfValue.of(n.tf, op.apply(x.get())));
    }

    /**
     * A broadcasting binary op. When an operand is channels-last and the other is rank 4 or a
     * scalar, the op runs channels-last: transposing both rank-4 operands the same way commutes
     * with broadcasting.
     */
    static List<TfValue> binary(NodeContext n, BinaryOperator<Operand<?>> op) throws BackendException {
        return List.of(combine(n.tf, n.value(0), n.value(1), op));
    }

    private static TfValue combine(Ops tf, TfValue a, TfValue b, BinaryOperator<Operand<?>> op) {
        boolean layoutFree = (a.isChannelsLast() || b.isChannelsLast())
                && (a.rank() == 4 || a.rank() == 0) && (b.rank() == 4 || b.rank() == 0);
        if (layoutFree) {
            return TfValue.channelsLast(tf, op.apply(a.rank() == 4 ? a.nhwc() : a.get(),
                    b.rank() == 4 ? b.nhwc() : b.get()));
        }
        return TfValue.of(tf, op.apply(a.get(), b.get()));
    }

    private static List<TfValue> variadic(NodeContext n, BinaryOperator<Operand<?>> op) throws BackendException {
        var acc = n.value(0);
        for (int i = 1; i < n.inputCount(); i++) {
            acc = combine(n.tf, acc, n.value(i), op);
        }
        return List.of(acc);
    }

    private static List<TfValue> pow(NodeContext n) throws BackendException {
        var exponent = n.staticInput(1);
        if (exponent != null && exponent.isScalarLike() && exponent.doubles()[0] == 2.0 && n.value(1).rank() <= 1
                && n.value(1).rank() >= 0 && n.value(0).rank() >= 1) {
            return unary(n, x -> n.tf.math.square(u(x))); // exact, and what ONNX Runtime does for ^2
        }
        var base = n.input(0);
        Operand<?> e = n.input(1);
        if (!e.type().equals(base.type())) {
            e = n.tf.dtypes.cast(e, base.type()); // opset 12+ allows another exponent type
        }
        return List.of(TfValue.of(n.tf, n.tf.math.pow(u(base), u(e))));
    }

    private static List<TfValue> clip(NodeContext n) throws BackendException {
        var x = n.value(0).get();
        Operand<?> min;
        Operand<?> max;
        if (n.opset < 11) {
            min = n.attr("min") == null ? null : n.tf.constantOfSameType(u(x), n.attrFloat("min", 0));
            max = n.attr("max") == null ? null : n.tf.constantOfSameType(u(x), n.attrFloat("max", 0));
        } else {
            min = n.hasInput(1) ? n.input(1) : null;
            max = n.hasInput(2) ? n.input(2) : null;
        }
        final Operand<?> lo = min;
        final Operand<?> hi = max;
        return unary(n, v -> {
            Operand<?> y = v;
            if (lo != null) {
                y = n.tf.math.maximum(u(y), u(lo));
            }
            if (hi != null) {
                y = n.tf.math.minimum(u(y), u(hi));
            }
            return y;
        });
    }
}
