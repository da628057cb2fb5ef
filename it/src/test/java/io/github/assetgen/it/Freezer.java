package io.github.assetgen.it;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a forked Maven JVM at an exact point of assetgen's code with the JDK's own debugger interface (JDI), so a
 * test can {@code kill -9} it there. Timing a kill cannot hit a window of a few milliseconds (a lock-file write);
 * a breakpoint hits it every time, with no test hook in the product.
 *
 * <p>The build is started with {@link #JVM_OPTION}; the JVM waits before {@code main} for this debugger, which
 * asks to hear when the class is loaded, sets the breakpoint then, and lets the JVM run. At the breakpoint every
 * thread is suspended; if the caller's condition holds the JVM is left frozen for the kill, else it runs on.
 */
final class Freezer implements AutoCloseable {

    /** Listens on a loopback port the JVM picks and prints; waits for the debugger before running anything. */
    static final String JVM_OPTION = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0";

    private static final Pattern LISTENING = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

    /** A place to freeze at: a method's first line, when a caller on the stack matches. */
    record Point(String className, String methodName, String callerClassName, String callerMethodName) {

        /** Whether the suspended thread's stack has the wanted caller below the breakpoint's method. */
        boolean calledFrom(List<StackFrame> frames) {
            if (callerClassName == null) {
                return true;
            }
            return frames.stream()
                    .skip(1)
                    .anyMatch(frame -> frame.location().declaringType().name().equals(callerClassName)
                            && frame.location().method().name().equals(callerMethodName));
        }
    }

    private final VirtualMachine vm;

    private Freezer(VirtualMachine vm) {
        this.vm = vm;
    }

    /** Attaches to a build started with {@link #JVM_OPTION}, once it has printed its debugger port. */
    static Freezer attach(MavenBuild.RunningBuild build, Duration timeout) {
        build.awaitLog("Listening for transport dt_socket at address:", timeout);
        Matcher port = LISTENING.matcher(build.log());
        if (!port.find()) {
            throw new AssertionError("no debugger port in:\n" + build.log());
        }
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.transport().name().equals("dt_socket"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("this JDK has no dt_socket debugger connector"));
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(port.group(1));
        arguments.get("timeout").setValue(String.valueOf(timeout.toMillis()));
        try {
            return new Freezer(socket.attach(arguments));
        } catch (IOException | com.sun.jdi.connect.IllegalConnectorArgumentsException e) {
            throw new AssertionError("could not attach the debugger to the build", e);
        }
    }

    /**
     * Lets the build run until it reaches {@code point}, then leaves the whole JVM suspended there.
     *
     * @throws AssertionError if the build ends, or the time is up, before it gets there
     */
    void runUntil(Point point, Duration timeout) {
        ClassPrepareRequest prepared = vm.eventRequestManager().createClassPrepareRequest();
        prepared.addClassFilter(point.className());
        prepared.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        prepared.enable();
        // the class may already be loaded (not at a fresh start, but cheap to cover)
        vm.classesByName(point.className()).forEach(type -> breakAt(type, point));
        vm.resume();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                EventSet events = vm.eventQueue().remove(left);
                if (events == null) {
                    throw new AssertionError("the build did not reach " + point + " within " + timeout);
                }
                for (Event event : events) {
                    if (event instanceof ClassPrepareEvent loaded) {
                        breakAt(loaded.referenceType(), point);
                    } else if (event instanceof BreakpointEvent hit
                            && point.calledFrom(hit.thread().frames())) {
                        return;
                    } else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                        throw new AssertionError("the build ended before it reached " + point);
                    }
                }
                events.resume();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (IncompatibleThreadStateException | VMDisconnectedException e) {
            throw new AssertionError("lost the build before it reached " + point, e);
        }
    }

    private void breakAt(ReferenceType type, Point point) {
        List<Method> methods = type.methodsByName(point.methodName());
        if (methods.isEmpty()) {
            throw new AssertionError(type.name() + " has no method " + point.methodName());
        }
        for (Method method : methods) {
            BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(method.location());
            request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            request.enable();
        }
    }

    /** Lets a frozen JVM run on, without the debugger. */
    void thaw() {
        vm.eventRequestManager().deleteAllBreakpoints();
        vm.resume();
    }

    /** Lets go of the JVM; after a kill there is nothing left to let go of. */
    @Override
    public void close() {
        try {
            vm.dispose();
        } catch (VMDisconnectedException gone) {
            // killed: the connection went with it
        }
    }
}
