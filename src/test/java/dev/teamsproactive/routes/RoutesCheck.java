package dev.teamsproactive.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Checks a folder of *.camel.yaml routes the way Camel would load them, without starting anything: each file
 * parses with Camel's YAML DSL, and every {@code to: direct:x} is answered by some {@code from: direct:x}. Each
 * problem names its file.
 */
final class RoutesCheck {
    private RoutesCheck() {
    }

    static List<String> problems(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> directFroms = new LinkedHashMap<>();
        Map<String, String> directCalls = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            // A context of its own per file: a broken file cannot hide behind another.
            try (CamelContext context = new DefaultCamelContext()) {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                        "file:" + file.toAbsolutePath()));
                ModelCamelContext model = (ModelCamelContext) context;
                for (RouteDefinition route : model.getRouteDefinitions()) {
                    String from = route.getInput().getEndpointUri();
                    if (from.startsWith("direct:")) {
                        directFroms.put(endpointName(from), name);
                    }
                    collectDirectCalls(route.getOutputs(), name, directCalls);
                }
                for (RouteConfigurationDefinition config : model.getRouteConfigurationDefinitions()) {
                    config.getOnExceptions().forEach(e -> collectDirectCalls(e.getOutputs(), name, directCalls));
                    config.getInterceptSendTos().forEach(i -> collectDirectCalls(i.getOutputs(), name, directCalls));
                }
            } catch (Exception e) {
                problems.add(name + ": " + messageOf(e));
            }
        }
        directCalls.forEach((endpoint, file) -> {
            if (!directFroms.containsKey(endpoint)) {
                problems.add(file + ": sends to direct:" + endpoint + ", but no route in " + folder
                        + " starts from direct:" + endpoint);
            }
        });
        return problems;
    }

    private static void collectDirectCalls(List<ProcessorDefinition<?>> outputs, String file, Map<String, String> calls) {
        Collection<SendDefinition> sends = ProcessorDefinitionHelper.filterTypeInOutputs(outputs, SendDefinition.class);
        for (SendDefinition<?> send : sends) {
            if (send.getEndpointUri() != null && send.getEndpointUri().startsWith("direct:")) {
                calls.putIfAbsent(endpointName(send.getEndpointUri()), file);
            }
        }
        for (ToDynamicDefinition toD : ProcessorDefinitionHelper.filterTypeInOutputs(outputs, ToDynamicDefinition.class)) {
            String uri = toD.getUri();
            if (uri.startsWith("direct:") && !uri.contains("${")) {
                calls.putIfAbsent(endpointName(uri), file);
            }
        }
    }

    private static String endpointName(String uri) {
        String name = uri.replaceFirst("^direct:(//)?", "");
        int query = name.indexOf('?');
        return query < 0 ? name : name.substring(0, query);
    }

    /** The exception and its causes in one line (YAML errors carry the line and column). */
    private static String messageOf(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 2000; t = t.getCause()) {
            if (t.getMessage() != null && !out.toString().contains(t.getMessage())) {
                out.append(out.length() == 0 ? "" : " / ").append(t.getMessage());
            }
        }
        return out.length() == 0 ? e.toString() : out.toString();
    }
}
