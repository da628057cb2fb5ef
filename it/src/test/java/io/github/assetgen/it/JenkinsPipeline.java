package io.github.assetgen.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;

/**
 * The steps of a Jenkins declarative pipeline, read with Groovy's own parser: a Jenkinsfile is a Groovy script, so
 * compiling it to the conversion phase gives its syntax tree without any Jenkins class. Each step is a method call
 * ({@code sh 'mvn …'}, {@code junit testResults: '…'}, {@code stage('x') { … }}) with its string arguments and the
 * steps it is nested in.
 */
final class JenkinsPipeline {

    /**
     * One call in the pipeline.
     *
     * @param name the step's name ({@code sh}, {@code withCredentials}, {@code stage})
     * @param strings its positional string arguments, in order
     * @param named its named string arguments ({@code pattern: '…'})
     * @param path the enclosing calls, outermost first, each as {@code name} or {@code name:first string argument}
     */
    record Step(String name, List<String> strings, Map<String, String> named, List<String> path) {

        /** The first positional string, or the named one: {@code junit 'x'} and {@code junit testResults: 'x'}. */
        String argument(String key) {
            return named.containsKey(key) ? named.get(key) : strings.isEmpty() ? null : strings.get(0);
        }

        boolean isInside(String enclosing) {
            return path.stream().anyMatch(p -> p.equals(enclosing) || p.startsWith(enclosing + ":"));
        }

        /** The stage it is in, or null. */
        String stage() {
            return path.stream()
                    .filter(p -> p.startsWith("stage:"))
                    .map(p -> p.substring("stage:".length()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * A string literal anywhere in the pipeline, with the calls around it.
     *
     * @param text the literal (a GString's text as written, {@code $X} included)
     * @param path the enclosing calls, as in {@link Step#path()}
     */
    record Literal(String text, List<String> path) {}

    private final List<Step> steps;
    private final List<Literal> literals;

    private JenkinsPipeline(List<Step> steps, List<Literal> literals) {
        this.steps = steps;
        this.literals = literals;
    }

    /** Parses a Jenkinsfile; a syntax error fails with Groovy's message (file, line, column). */
    static JenkinsPipeline parse(Path jenkinsfile) {
        String text;
        try {
            text = Files.readString(jenkinsfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompilationUnit unit = new CompilationUnit();
        unit.addSource(jenkinsfile.getFileName().toString(), text);
        unit.compile(Phases.CONVERSION);
        ModuleNode module = unit.getAST().getModules().get(0);
        Collector collector = new Collector();
        module.getStatementBlock().visit(collector);
        return new JenkinsPipeline(List.copyOf(collector.steps), List.copyOf(collector.literals));
    }

    /** Every call, in source order. */
    List<Step> steps() {
        return steps;
    }

    /** The calls of one step name, in source order. */
    List<Step> steps(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Every string literal, in source order. */
    List<Literal> literals() {
        return literals;
    }

    private static final class Collector extends CodeVisitorSupport {

        final List<Step> steps = new ArrayList<>();
        final List<Literal> literals = new ArrayList<>();
        private final Deque<String> path = new ArrayDeque<>();

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.getMethodAsString();
            List<String> strings = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            Expression arguments = call.getArguments();
            if (arguments instanceof TupleExpression tuple) {
                for (Expression argument : tuple.getExpressions()) {
                    if (argument instanceof MapExpression map) {
                        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                            String value = text(entry.getValueExpression());
                            if (entry.getKeyExpression() instanceof ConstantExpression key && value != null) {
                                named.put(key.getText(), value);
                            }
                        }
                    } else if (text(argument) != null) {
                        strings.add(text(argument));
                    }
                }
            }
            if (name != null) {
                steps.add(new Step(name, List.copyOf(strings), Map.copyOf(named), List.copyOf(path)));
            }
            call.getObjectExpression().visit(this);
            path.addLast(name == null ? "?" : strings.isEmpty() ? name : name + ":" + strings.get(0));
            try {
                if (arguments instanceof ArgumentListExpression || arguments instanceof TupleExpression) {
                    arguments.visit(this);
                }
            } finally {
                path.removeLast();
            }
        }

        @Override
        public void visitConstantExpression(ConstantExpression expression) {
            if (expression.getValue() instanceof String text) {
                literals.add(new Literal(text, List.copyOf(path)));
            }
        }

        @Override
        public void visitGStringExpression(GStringExpression expression) {
            literals.add(new Literal(expression.getText(), List.copyOf(path)));
            super.visitGStringExpression(expression);
        }

        private static String text(Expression expression) {
            if (expression instanceof ConstantExpression constant && constant.getValue() instanceof String text) {
                return text;
            }
            return expression instanceof GStringExpression gstring ? gstring.getText() : null;
        }
    }
}
