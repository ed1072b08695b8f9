package cn.hitech.enterprise.register;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * 国民经济行业分类 (GB/T 4754-2017): the classes an enterprise's {@code industryCode} may name, from the catalogue shipped
 * as {@code industry/gbt4754-2017.tsv} (门类 letter, then 大类 2, 中类 3 and 小类 4 digits: C, C35, C351, C3511). The
 * label shown beside a code always comes from here, never from the caller.
 */
@ApplicationScoped
public class IndustryCatalogue {

    static final String RESOURCE = "industry/gbt4754-2017.tsv";

    private final Map<String, String> labels;

    IndustryCatalogue() {
        this.labels = Collections.unmodifiableMap(load());
    }

    /** The label of {@code code} (case-insensitive, trimmed); empty when the catalogue has no such class. */
    public Optional<String> label(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(labels.get(normalise(code)));
    }

    static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    public int size() {
        return labels.size();
    }

    private static Map<String, String> load() {
        Map<String, String> found = new LinkedHashMap<>();
        InputStream in = IndustryCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the industry catalogue " + RESOURCE + " is missing from the build");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 1) {
                    throw new IllegalStateException(RESOURCE + ": not 'code<TAB>label': " + line);
                }
                found.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
