package hudson.model;

import java.util.AbstractMap;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

public final class RunMap<R extends Run<?, R>> extends AbstractMap<Integer, R> implements SortedMap<Integer, R> {
    @Deprecated
    public RunMap() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<Map.Entry<Integer, R>> entrySet() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Comparator<? super Integer> comparator() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<Integer, R> subMap(Integer fromKey, Integer toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<Integer, R> headMap(Integer toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<Integer, R> tailMap(Integer fromKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Integer firstKey() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Integer lastKey() {
        throw new UnsupportedOperationException();
    }
}
