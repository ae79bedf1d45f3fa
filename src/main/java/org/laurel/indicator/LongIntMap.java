package org.laurel.indicator;

import java.util.Arrays;

/**
 * A set of non-negative long keys, each with the int it was first put with: open addressing over
 * two arrays, 12 bytes a slot. An import checks every row against it, so a boxed map (about 80
 * bytes an entry) would cost more than the rows themselves.
 */
final class LongIntMap {

  private static final long EMPTY = -1;

  private long[] keys = new long[1 << 10];
  private int[] values = new int[1 << 10];
  private int size;

  LongIntMap() {
    Arrays.fill(keys, EMPTY);
  }

  /**
   * Puts {@code value} under {@code key} unless the key is there; returns the earlier value or -1.
   */
  int putIfAbsent(long key, int value) {
    if (key < 0) {
      throw new IllegalArgumentException("negative key " + key);
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = index(key, mask); ; i = (i + 1) & mask) {
      if (keys[i] == EMPTY) {
        keys[i] = key;
        values[i] = value;
        size++;
        return -1;
      }
      if (keys[i] == key) {
        return values[i];
      }
    }
  }

  int size() {
    return size;
  }

  private static int index(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = index(oldKeys[j], mask);
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }
}
