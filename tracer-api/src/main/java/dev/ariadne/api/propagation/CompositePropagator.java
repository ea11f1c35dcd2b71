package dev.ariadne.api.propagation;

import dev.ariadne.api.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Several propagators acting as one; a failing member is skipped rather than failing the request. */
final class CompositePropagator implements TextMapPropagator {
  static final CompositePropagator NOOP = new CompositePropagator(List.of());
  private static final System.Logger LOG = System.getLogger(CompositePropagator.class.getName());

  private final TextMapPropagator[] propagators;
  private final Collection<String> fields;

  private CompositePropagator(List<TextMapPropagator> propagators) {
    this.propagators = propagators.toArray(new TextMapPropagator[0]);
    Set<String> all = new LinkedHashSet<>();
    for (TextMapPropagator p : propagators) {
      Collection<String> memberFields = p.fields();
      if (memberFields != null) {
        for (String field : memberFields) {
          if (field != null) {
            all.add(field);
          }
        }
      }
    }
    this.fields = Collections.unmodifiableList(new ArrayList<>(all));
  }

  static TextMapPropagator of(Collection<? extends TextMapPropagator> propagators) {
    if (propagators == null) {
      throw new IllegalArgumentException("propagators must not be null");
    }
    List<TextMapPropagator> flat = new ArrayList<>();
    for (TextMapPropagator p : propagators) {
      if (p == null) {
        throw new IllegalArgumentException("propagators must not contain null");
      }
      if (p instanceof CompositePropagator) {
        Collections.addAll(flat, ((CompositePropagator) p).propagators);
      } else {
        flat.add(p);
      }
    }
    // Even a single member is wrapped, so that its failures are still contained.
    return flat.isEmpty() ? NOOP : new CompositePropagator(flat);
  }

  @Override
  public Collection<String> fields() {
    return fields;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    for (TextMapPropagator p : propagators) {
      try {
        p.inject(context, carrier, setter);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "propagator " + p + " failed to inject; skipped", e);
      }
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    for (TextMapPropagator p : propagators) {
      try {
        context = p.extract(context, carrier, getter);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "propagator " + p + " failed to extract; skipped", e);
      }
    }
    return context;
  }

  @Override
  public String toString() {
    return "CompositePropagator" + List.of(propagators);
  }
}
