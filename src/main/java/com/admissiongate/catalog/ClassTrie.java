package com.admissiongate.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prefix index over class-name segments. A lookup costs one hash probe per segment of the class name,
 * independent of how many prefixes are indexed, so matching 100k classes against hundreds of SDKs is
 * O(classes × depth).
 */
final class ClassTrie<T> {

    private static final class Node<T> {
        final Map<String, Node<T>> children = new HashMap<>(4);
        final List<T> values = new ArrayList<>(1);
        int depth;
    }

    /** Values stored at one matched node, with the node's depth in segments. */
    record Hit<T>(int depth, List<T> values) {
    }

    private final Node<T> root = new Node<>();

    void put(String prefix, T value) {
        Node<T> node = root;
        int depth = 0;
        for (String seg : ClassNames.segments(prefix)) {
            depth++;
            final int d = depth;
            node = node.children.computeIfAbsent(seg, k -> {
                Node<T> n = new Node<>();
                n.depth = d;
                return n;
            });
        }
        if (node == root) {
            throw new IllegalArgumentException("empty class prefix");
        }
        node.values.add(value);
    }

    /** Values of the deepest prefix that covers {@code className}, or null. */
    List<T> deepest(String className) {
        Node<T> node = root;
        List<T> best = null;
        for (String seg : ClassNames.segments(className)) {
            node = node.children.get(seg);
            if (node == null) {
                break;
            }
            if (!node.values.isEmpty()) {
                best = node.values;
            }
        }
        return best;
    }

    /** Every prefix that covers {@code className}, shallowest first. */
    List<Hit<T>> all(String className) {
        List<Hit<T>> out = new ArrayList<>(2);
        Node<T> node = root;
        for (String seg : ClassNames.segments(className)) {
            node = node.children.get(seg);
            if (node == null) {
                break;
            }
            if (!node.values.isEmpty()) {
                out.add(new Hit<>(node.depth, node.values));
            }
        }
        return out;
    }
}
