package dev.teamsproactive.sandbox.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the OData {@code $filter} grammar the install flow and audience queries use:
 * <pre>
 *   expr    := orExpr
 *   orExpr  := andExpr ("or" andExpr)*
 *   andExpr := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | "startswith(" path "," string ")" | path ("eq"|"ne") literal
 *            | path "/any(" variable ":" expr ")"
 *   literal := 'text' (with '' for ') | true | false | null | number
 * </pre>
 * Anything else is a 400 {@code BadRequest} "Invalid filter clause", as Graph answers a malformed filter.
 */
final class ODataFilterParser {
    private enum Kind {
        WORD, STRING, NUMBER, OPEN, CLOSE, COMMA, COLON, END
    }

    private record Token(Kind kind, String text, int at) {
    }

    private final String source;
    private final List<Token> tokens;
    private int next;

    private ODataFilterParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    static ODataFilter parse(String filter) {
        ODataFilterParser p = new ODataFilterParser(filter);
        ODataFilter f = p.or();
        if (p.peek().kind != Kind.END) {
            throw p.error("unexpected '" + p.peek().text + "'", p.peek().at);
        }
        return f;
    }

    private ODataFilter or() {
        ODataFilter left = and();
        while (isWord(peek(), "or")) {
            next++;
            left = new ODataFilter.Or(left, and());
        }
        return left;
    }

    private ODataFilter and() {
        ODataFilter left = unary();
        while (isWord(peek(), "and")) {
            next++;
            left = new ODataFilter.And(left, unary());
        }
        return left;
    }

    private ODataFilter unary() {
        Token t = take();
        if (isWord(t, "not")) {
            return new ODataFilter.Not(unary());
        }
        if (t.kind == Kind.OPEN) {
            ODataFilter inner = or();
            expect(Kind.CLOSE, "')'");
            return inner;
        }
        if (t.kind != Kind.WORD) {
            throw error("a property name was expected, not '" + t.text + "'", t.at);
        }
        if (peek().kind == Kind.OPEN) {
            return function(t);
        }
        Token op = take();
        ODataFilter.Op operator;
        if (isWord(op, "eq")) {
            operator = ODataFilter.Op.EQ;
        } else if (isWord(op, "ne")) {
            operator = ODataFilter.Op.NE;
        } else if (op.kind == Kind.WORD && List.of("gt", "ge", "lt", "le", "in", "has").contains(op.text)) {
            throw GraphException.badRequest("Invalid filter clause: the sandbox supports only eq and ne comparisons, not '"
                    + op.text + "'.");
        } else {
            throw error("an operator such as 'eq' was expected after '" + t.text + "'", op.at);
        }
        return new ODataFilter.Compare(t.text, operator, literal(take()));
    }

    private ODataFilter function(Token name) {
        if (name.text.endsWith("/any") && name.text.length() > "/any".length()) {
            return any(name);
        }
        if (!name.text.equals("startswith")) {
            throw GraphException.badRequest("Invalid filter clause: the sandbox does not support the function '"
                    + name.text + "'.");
        }
        expect(Kind.OPEN, "'('");
        Token property = take();
        if (property.kind != Kind.WORD) {
            throw error("a property name was expected in startswith", property.at);
        }
        expect(Kind.COMMA, "','");
        Token prefix = take();
        if (prefix.kind != Kind.STRING) {
            throw error("a string literal was expected in startswith", prefix.at);
        }
        expect(Kind.CLOSE, "')'");
        return new ODataFilter.StartsWith(property.text, prefix.text);
    }

    /** {@code collection/any(x:expr)}; the lambda variable is a plain name. */
    private ODataFilter any(Token name) {
        expect(Kind.OPEN, "'('");
        Token variable = take();
        if (variable.kind != Kind.WORD || variable.text.contains("/") || variable.text.contains(".")) {
            throw error("a lambda variable was expected in any()", variable.at);
        }
        expect(Kind.COLON, "':'");
        ODataFilter body = or();
        expect(Kind.CLOSE, "')'");
        return new ODataFilter.Any(name.text.substring(0, name.text.length() - "/any".length()), variable.text, body);
    }

    private Object literal(Token t) {
        switch (t.kind) {
            case STRING:
                return t.text;
            case NUMBER:
                return t.text.contains(".") ? (Object) Double.valueOf(t.text) : (Object) Long.valueOf(t.text);
            case WORD:
                if (t.text.equals("true") || t.text.equals("false")) {
                    return Boolean.valueOf(t.text);
                }
                if (t.text.equals("null")) {
                    return ODataFilter.NULL;
                }
                break;
            default:
                break;
        }
        throw error("a literal was expected, not '" + t.text + "'", t.at);
    }

    private void expect(Kind kind, String what) {
        Token t = take();
        if (t.kind != kind) {
            throw error(what + " was expected", t.at);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind != Kind.END) {
            next++;
        }
        return t;
    }

    private static boolean isWord(Token t, String word) {
        return t.kind == Kind.WORD && t.text.equals(word);
    }

    private GraphException error(String what, int at) {
        return GraphException.badRequest("Invalid filter clause: " + what + " at position " + at + " in '" + source + "'.");
    }

    private List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == ':') {
                out.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : c == ',' ? Kind.COMMA : Kind.COLON,
                        String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                i = string(s, i, out);
            } else if (Character.isDigit(c) || c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_./".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            } else {
                throw error("unexpected character '" + c + "'", i);
            }
        }
        out.add(new Token(Kind.END, "end of input", s.length()));
        return out;
    }

    /** A string literal from the quote at {@code start}: {@code ''} inside it stands for one {@code '}. */
    private int string(String s, int start, List<Token> out) {
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= s.length()) {
                throw error("there is an unterminated string literal", start);
            }
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                out.add(new Token(Kind.STRING, text.toString(), start));
                return i + 1;
            }
            text.append(c);
            i++;
        }
    }
}
