package dev.ariadne.exporter.otlp;

import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One batch's spans grouped by resource and then by instrumentation scope, in order of first
 * appearance, as OTLP's {@code resourceSpans[].scopeSpans[]} nesting needs. Reused per thread:
 * the arrays grow to the largest batch seen and nothing is allocated per batch.
 *
 * <p>A batch holds few distinct resources and scopes (usually one and a handful), so linear scans
 * beat hashing; the same objects are shared by every span of a tracer, so identity settles almost
 * every comparison and {@link Resource#equals}, which builds maps, runs only for look-alikes.
 */
final class SpanGroups {
  private Resource[] resources = new Resource[4];
  private int resourceCount;
  // group g = (resource groupResource[g], scope groupScope[g])
  private int[] groupResource = new int[8];
  private InstrumentationScope[] groupScope = new InstrumentationScope[8];
  private int groupCount;
  // the group of span i, or -1 for a null element, which is skipped
  private int[] spanGroup = new int[64];
  // span indexes sorted by group (stably); group g's are order[groupStart[g]] to order[groupStart[g + 1] - 1]
  private int[] order = new int[64];
  private int[] groupStart = new int[9];
  private int[] cursor = new int[9];

  /** Groups {@code spans}; a null span is skipped, a null resource counts as the empty one. */
  void group(List<SpanData> spans) {
    clear();
    int n = spans.size();
    if (spanGroup.length < n) {
      spanGroup = new int[Math.max(n, spanGroup.length * 2)];
    }
    Resource lastResource = null;
    InstrumentationScope lastScope = null;
    int lastGroup = -1;
    for (int i = 0; i < n; i++) {
      SpanData span = spans.get(i);
      if (span == null) {
        spanGroup[i] = -1;
        continue;
      }
      Resource resource = span.resource();
      if (resource == null) {
        resource = Resource.empty();
      }
      InstrumentationScope scope = span.instrumentationScope();
      if (lastGroup < 0 || resource != lastResource || scope != lastScope) {
        lastGroup = groupOf(resourceIndex(resource), scope);
        lastResource = resource;
        lastScope = scope;
      }
      spanGroup[i] = lastGroup;
    }
    sortByGroup(n);
  }

  /** The number of distinct resources. */
  int resourceCount() {
    return resourceCount;
  }

  /** The resource at {@code index}, in order of first appearance. */
  Resource resource(int index) {
    return resources[index];
  }

  /** The number of distinct (resource, scope) groups. */
  int groupCount() {
    return groupCount;
  }

  /** The index of the resource of group {@code group}. */
  int groupResource(int group) {
    return groupResource[group];
  }

  /** The scope of group {@code group}; may be null. */
  InstrumentationScope groupScope(int group) {
    return groupScope[group];
  }

  /** The index of the first of group {@code group}'s spans in {@link #spanAt(int)}'s order. */
  int groupStart(int group) {
    return groupStart[group];
  }

  /** The index of the first span after group {@code group}'s in {@link #spanAt(int)}'s order. */
  int groupEnd(int group) {
    return groupStart[group + 1];
  }

  /** The index in the batch of the {@code position}-th span when sorted by group. */
  int spanAt(int position) {
    return order[position];
  }

  /** Drops the references to the last batch's resources and scopes. */
  void clear() {
    Arrays.fill(resources, 0, resourceCount, null);
    Arrays.fill(groupScope, 0, groupCount, null);
    resourceCount = 0;
    groupCount = 0;
  }

  // A counting sort, so that writing a group costs only its own spans.
  private void sortByGroup(int n) {
    if (groupStart.length < groupCount + 1) {
      int length = Math.max(groupCount + 1, groupStart.length * 2);
      groupStart = new int[length];
      cursor = new int[length];
    }
    if (order.length < n) {
      order = new int[spanGroup.length];
    }
    Arrays.fill(groupStart, 0, groupCount + 1, 0);
    for (int i = 0; i < n; i++) {
      if (spanGroup[i] >= 0) {
        groupStart[spanGroup[i] + 1]++;
      }
    }
    for (int g = 0; g < groupCount; g++) {
      groupStart[g + 1] += groupStart[g];
    }
    System.arraycopy(groupStart, 0, cursor, 0, groupCount);
    for (int i = 0; i < n; i++) {
      int g = spanGroup[i];
      if (g >= 0) {
        order[cursor[g]++] = i;
      }
    }
  }

  private int resourceIndex(Resource resource) {
    for (int r = 0; r < resourceCount; r++) {
      if (resources[r] == resource) {
        return r;
      }
    }
    for (int r = 0; r < resourceCount; r++) {
      if (resources[r].equals(resource)) {
        return r;
      }
    }
    if (resourceCount == resources.length) {
      resources = Arrays.copyOf(resources, resourceCount * 2);
    }
    resources[resourceCount] = resource;
    return resourceCount++;
  }

  private int groupOf(int resource, InstrumentationScope scope) {
    for (int g = 0; g < groupCount; g++) {
      if (groupResource[g] == resource && Objects.equals(groupScope[g], scope)) {
        return g;
      }
    }
    if (groupCount == groupResource.length) {
      groupResource = Arrays.copyOf(groupResource, groupCount * 2);
      groupScope = Arrays.copyOf(groupScope, groupCount * 2);
    }
    groupResource[groupCount] = resource;
    groupScope[groupCount] = scope;
    return groupCount++;
  }
}
