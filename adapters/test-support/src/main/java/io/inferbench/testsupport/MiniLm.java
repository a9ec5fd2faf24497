package io.inferbench.testsupport;

import io.inferbench.api.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inputs for all-MiniLM-L6-v2 (and the other BERT-style encoders): token ids, attention mask, segments. */
public final class MiniLm {
    /** The model's inputs, in its order. */
    public static final List<String> INPUTS = List.of("input_ids", "attention_mask", "token_type_ids");

    private MiniLm() {
    }

    /**
     * Inputs for {@code batch} x {@code seq} tokens: [CLS] ids... [SEP], all attended, one segment.
     * {@code seed} varies the token ids, so different seeds give different inputs (and rows of one batch
     * differ too).
     */
    public static Map<String, Tensor> inputs(int batch, int seq, int seed) {
        long[] shape = {batch, seq};
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        long[] types = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < seq; s++) {
                int i = b * seq + s;
                // 101/102 are BERT's [CLS]/[SEP]; 2000..29999 are ordinary word pieces.
                ids[i] = s == 0 ? 101 : s == seq - 1 ? 102 : 2000 + (seed * 7919L + b * 131L + s * 17L) % 28000;
                mask[i] = 1;
            }
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("input_ids", HostTensors.int64(shape, ids));
        m.put("attention_mask", HostTensors.int64(shape, mask));
        m.put("token_type_ids", HostTensors.int64(shape, types));
        return m;
    }
}
