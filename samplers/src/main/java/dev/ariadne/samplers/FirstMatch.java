package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of matches that finds the first one a span matches: the rules, or the tiers, of
 * a {@link RuleSampler}. Built once; finding allocates nothing.
 *
 * <p>Each value is looked up once for a run of consecutive matches that read it. A run of at least
 * {@link #MIN_TABLE} consecutive exact matches on one value (the endpoints, the user tiers)
 * is answered by one hash table probe instead of one comparison per match: the table maps each
 * literal to the position of the first match in the run with that literal, so the answer is the
 * one the in-order walk would give. Only exact matches are in a table, a table stands for a run
 * that no other kind of match interrupts, and the walk reaches it only when nothing before the run
 * matched and continues after the run when nothing in it did; so first match wins exactly as
 * before, across runs of prefix, glob and other matches too.
 */
final class FirstMatch {
  /** Shorter runs are walked: one or two identity-or-length checks cost no more than a probe. */
  static final int MIN_TABLE = 3;

  private final Match[] matches;
  private final int[] targets; // equal numbers read the same value
  private final ExactTable[] tables; // tables[i]: the table of the exact run starting at i, else null
  private final ExactTable only; // the table when it stands for every match, else null

  FirstMatch(List<Match> list, Map<String, Integer> targetIds) {
    this.matches = list.toArray(new Match[0]);
    this.targets = new int[matches.length];
    for (int i = 0; i < matches.length; i++) {
      targets[i] = targetIds.computeIfAbsent(matches[i].targetKey(), k -> targetIds.size());
    }
    this.tables = new ExactTable[matches.length];
    for (int start = 0; start < matches.length; ) {
      int end = start;
      while (end < matches.length && matches[end].isExact() && targets[end] == targets[start]) {
        end++;
      }
      if (end - start >= MIN_TABLE) {
        tables[start] = new ExactTable(matches, start, end);
        start = end;
      } else {
        start = Math.max(end, start + 1);
      }
    }
    this.only = matches.length > 0 && tables[0] != null && tables[0].end == matches.length ? tables[0] : null;
  }

  /** The number of matches, which {@link #find} returns when none matches. */
  int size() {
    return matches.length;
  }

  /** The index of the first match, or {@link #size()} when none matches. */
  int find(String name, Attributes attributes) {
    // The common shape (every rule an exact endpoint, every tier one attribute's exact value) is one
    // lookup and one probe, without the walk's bookkeeping; anything else walks.
    ExactTable table = only;
    if (table == null) {
      return walk(name, attributes);
    }
    String value = matches[0].valueOf(name, attributes);
    int found = value == null ? -1 : table.find(value);
    return found >= 0 ? found : matches.length;
  }

  private int walk(String name, Attributes attributes) {
    Match[] m = matches;
    int lastTarget = -1;
    String value = null;
    for (int i = 0; i < m.length; i++) {
      if (targets[i] != lastTarget) {
        lastTarget = targets[i];
        value = m[i].valueOf(name, attributes);
      }
      ExactTable table = tables[i];
      if (table != null) {
        if (value != null) {
          int found = table.find(value);
          if (found >= 0) {
            return found;
          }
        }
        i = table.end - 1; // nothing in the run matched: go on after it
      } else if (value != null && m[i].matches(value)) {
        return i;
      }
    }
    return m.length;
  }

  /**
   * Open addressing with linear probing, at most half full, keyed by the interned literal: a probe
   * costs the value's hash code (cached by the string after its first use), a load or two and an
   * identity check or one {@code equals} (which fails at the length for most other literals).
   */
  static final class ExactTable {
    final int end; // the index after the run
    private final String[] literals;
    private final int[] indexes;
    private final int mask;

    ExactTable(Match[] matches, int start, int end) {
      this.end = end;
      int size = Integer.highestOneBit((end - start) * 2 - 1) << 1; // a power of two >= twice the run
      this.literals = new String[size];
      this.indexes = new int[size];
      this.mask = size - 1;
      Map<String, Integer> first = new HashMap<>();
      for (int i = start; i < end; i++) {
        String literal = matches[i].exactLiteral();
        if (first.putIfAbsent(literal, i) != null) {
          continue; // a later match with the same literal never wins
        }
        int h = literal.hashCode();
        int slot = spread(h) & mask;
        while (literals[slot] != null) {
          slot = (slot + 1) & mask;
        }
        literals[slot] = literal;
        indexes[slot] = i;
      }
    }

    /** The index of the first match in the run whose literal equals {@code value}, else -1. */
    int find(String value) {
      int h = value.hashCode();
      for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
        String literal = literals[slot];
        if (literal == null) {
          return -1;
        }
        if (literal == value || literal.equals(value)) {
          return indexes[slot];
        }
      }
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }
  }
}
