package org.laurel.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

  @Test
  void keepsTheFirstValueOfEveryKeyLikeAHashMapThroughManyResizes() {
    LongIntMap map = new LongIntMap();
    Map<Long, Integer> expected = new HashMap<>();
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      // a small key range, so that about half the puts repeat a key
      long key = random.nextInt(150_000) * 0x1_0000_0001L;
      Integer before = expected.putIfAbsent(key, i);
      assertThat(map.putIfAbsent(key, i)).isEqualTo(before == null ? -1 : before);
    }
    assertThat(map.size()).isEqualTo(expected.size());
  }
}
