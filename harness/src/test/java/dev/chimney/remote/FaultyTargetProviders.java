package dev.chimney.remote;

import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * One provider per {@link Fault}, listed in the test class path's {@code META-INF/services}: the
 * reference NIC, found through the registry like any target, wrapped with the fault.
 */
public abstract class FaultyTargetProviders implements OffloadTargetProvider {
  private final Fault fault;

  FaultyTargetProviders(Fault fault) {
    this.fault = fault;
  }

  /** The reference NIC, found as the registry finds it, skipping these providers (which would recurse). */
  private static OffloadTargetProvider nic() {
    return ServiceLoader.load(OffloadTargetProvider.class).stream()
        .filter(p -> !FaultyTargetProviders.class.isAssignableFrom(p.type()))
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("reference-nic"))
        .findFirst().orElseThrow();
  }

  @Override
  public String name() {
    return fault.targetName();
  }

  @Override
  public String description() {
    return "the reference NIC, wrong on purpose: " + fault;
  }

  @Override
  public Set<Capability> capabilities() {
    return nic().capabilities();
  }

  @Override
  public OffloadTarget create(TargetContext context) throws Exception {
    FaultyTarget.Host host = new FaultyTarget.Host(context.host(), fault);
    OffloadTarget nic = nic().create(new TargetContext(host, context.link(), context.clock(),
        context.localAddress(), context.settings()));
    return new FaultyTarget.Target(nic, context.host(), fault);
  }

  public static final class HandlerThrows extends FaultyTargetProviders {
    public HandlerThrows() {
      super(Fault.HANDLER_THROWS);
    }
  }

  public static final class NeverCompletes extends FaultyTargetProviders {
    public NeverCompletes() {
      super(Fault.NEVER_COMPLETES);
    }
  }

  public static final class CompletesTwice extends FaultyTargetProviders {
    public CompletesTwice() {
      super(Fault.COMPLETES_TWICE);
    }
  }

  public static final class UnknownNbl extends FaultyTargetProviders {
    public UnknownNbl() {
      super(Fault.UNKNOWN_NBL);
    }
  }

  public static final class UpcallAfterTerminate extends FaultyTargetProviders {
    public UpcallAfterTerminate() {
      super(Fault.UPCALL_AFTER_TERMINATE);
    }
  }

  public static final class ForbiddenStatus extends FaultyTargetProviders {
    public ForbiddenStatus() {
      super(Fault.FORBIDDEN_STATUS);
    }
  }

  public static final class ProcessExits extends FaultyTargetProviders {
    public ProcessExits() {
      super(Fault.PROCESS_EXITS);
    }
  }

  public static final class WritesGarbage extends FaultyTargetProviders {
    public WritesGarbage() {
      super(Fault.WRITES_GARBAGE);
    }
  }

  public static final class HugeFrame extends FaultyTargetProviders {
    public HugeFrame() {
      super(Fault.HUGE_FRAME);
    }
  }

  public static final class Floods extends FaultyTargetProviders {
    public Floods() {
      super(Fault.FLOODS);
    }
  }
}
