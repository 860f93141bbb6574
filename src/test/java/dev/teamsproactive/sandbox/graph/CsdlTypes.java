package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The entity and complex types of the shared Graph CSDL subset, read with the JDK's DOM parser, and a
 * check that a JSON answer uses only property names its type (or a base type) declares.
 */
final class CsdlTypes {
    private static final String EDM = "http://docs.oasis-open.org/odata/ns/edm";
    private record Type(String baseType, Map<String, String> properties) {
    }

    private final Map<String, Type> types = new HashMap<>();

    static CsdlTypes load(Path csdl) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(csdl.toFile());
        CsdlTypes out = new CsdlTypes();
        for (String kind : List.of("EntityType", "ComplexType")) {
            NodeList nodes = doc.getElementsByTagNameNS(EDM, kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                Map<String, String> properties = new HashMap<>();
                for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element p && EDM.equals(p.getNamespaceURI())
                            && (p.getLocalName().equals("Property") || p.getLocalName().equals("NavigationProperty"))) {
                        properties.put(p.getAttribute("Name"), p.getAttribute("Type"));
                    }
                }
                String base = e.getAttribute("BaseType");
                out.types.put(e.getAttribute("Name"), new Type(base.isEmpty() ? null : shortName(base), properties));
            }
        }
        return out;
    }

    boolean has(String typeName) {
        return types.containsKey(typeName);
    }

    /**
     * The problems of {@code json} as an instance of {@code typeName}: property names no type in its
     * hierarchy declares, recursively into structured properties whose type the subset has. An item's
     * {@code @odata.type} names its own type; OData annotations are not properties.
     */
    List<String> problems(JsonNode json, String typeName, String where) {
        List<String> out = new ArrayList<>();
        check(json, typeName, where, out);
        return out;
    }

    private void check(JsonNode json, String typeName, String where, List<String> out) {
        String type = json.hasNonNull("@odata.type") ? shortName(json.get("@odata.type").asText().substring(1)) : typeName;
        if (!types.containsKey(type)) {
            out.add(where + ": type " + type + " is not in the CSDL subset");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.startsWith("@") || name.contains("@odata.")) {
                continue;
            }
            String propertyType = propertyType(type, name);
            if (propertyType == null) {
                out.add(where + ": '" + name + "' is not a property of " + type);
                continue;
            }
            String element = shortName(propertyType.replaceFirst("^Collection\\((.*)\\)$", "$1"));
            if (!types.containsKey(element)) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check(value, element, where + "." + name, out);
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), element, where + "." + name + "[" + i + "]", out);
                }
            }
        }
    }

    private String propertyType(String typeName, String property) {
        for (Type t = types.get(typeName); t != null; t = t.baseType() == null ? null : types.get(t.baseType())) {
            String found = t.properties().get(property);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** {@code graph.user} or {@code microsoft.graph.user} to {@code user}. */
    private static String shortName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
