package org.solarmarket.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads YAML documents and reads values out of the maps and lists they parse into. */
final class Yaml {

    private Yaml() {
    }

    /**
     * One document of a YAML file.
     *
     * @param file    file it came from, relative to the repository root
     * @param index   position in the file, from 1
     * @param content parsed document: maps, lists and scalars
     */
    record Document(String file, int index, Object content) {

        Map<String, Object> map() {
            return asMap(content);
        }

        /** Names the document as {@code Kind/name}, or by its position when it has no kind. */
        String label() {
            Map<String, Object> map = map();
            Object kind = map.get("kind");
            Object name = asMap(map.get("metadata")).get("name");
            return kind == null ? "document " + index : kind + "/" + name;
        }
    }

    /** Parses every document of a file; throws with the file name when it is not valid YAML. */
    static List<Document> load(Path root, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(root.relativize(file).toString(), text);
    }

    static List<Document> parse(String label, String text) {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        List<Document> documents = new ArrayList<>();
        int index = 0;
        try {
            for (Object content : yaml.loadAll(text)) {
                index++;
                if (content != null) {
                    documents.add(new Document(label, index, content));
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(label + ": document " + (index + 1) + " is not valid YAML: "
                    + e.getMessage(), e);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    /** Follows a path of map keys; empty when a step is missing or not a map. */
    static Optional<Object> at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static String text(Object root, String... path) {
        return at(root, path).map(String::valueOf).orElse(null);
    }
}
