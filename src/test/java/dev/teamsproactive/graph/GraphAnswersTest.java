package dev.teamsproactive.graph;

import dev.teamsproactive.props.Props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphAnswersTest {
    private final GraphAnswers answers = new GraphAnswers();

    @ParameterizedTest
    @ValueSource(strings = {"19:1569d944-27fd-5601-9416-3e3519eef744_9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a@unq.gbl.spaces",
            "19:a1b2c3@thread.tacv2", "19:meeting_NjE0ZTk=@thread.v2"})
    void chatAndChannelIdsOfTheDocumentedShapesPass(String id) {
        answers.checkChatId(exchangeWith(Props.CHAT_ID, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{env:TEAMS_CLIENT_SECRET}}", "19:../../x@unq.gbl.spaces", "19:a@unq.gbl.spaces/../x",
            "19:${sys:user.home}@unq.gbl.spaces", "19:a,b)@thread.v2", "a:1abc", "19:a@evil.example"})
    void otherChatIdsAreRefusedWithoutBeingQuotedOrKept(String id) {
        Exchange exchange = exchangeWith(Props.CHAT_ID, id);
        assertThatThrownBy(() -> answers.checkChatId(exchange))
                .isInstanceOf(InvalidGraphAnswerException.class).message().doesNotContain(id);
        assertThat(exchange.getProperty(Props.CHAT_ID)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{env:TEAMS_CLIENT_SECRET}}", "../../x", "a b", "MTIz?x=1", "${env:X}"})
    void installationIdsThatAreNotBase64AreRefused(String id) {
        assertThatThrownBy(() -> answers.checkInstallationId(exchangeWith(Props.INSTALLATION_ID, id)))
                .isInstanceOf(InvalidGraphAnswerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MTU2OWQ5NDQtMjdmZC01NjAxLTk0MTYtM2UzNTE5ZWVmNzQ0IyNlMmMwYzhiNA==", "YWJj+/de_-"})
    void base64InstallationIdsPass(String id) {
        answers.checkInstallationId(exchangeWith(Props.INSTALLATION_ID, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"{{env:TEAMS_CLIENT_SECRET}}\"}", "{\"id\":\"../../x\"}",
            "{\"value\":[{\"id\":\"1569d944\"}]}", "{\"displayName\":\"no id\"}"})
    void aUserAnswerWhoseIdIsNoObjectIdIsRefused(String body) {
        Exchange exchange = exchangeWith(Props.LOOKUP_BY, "upn");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getIn().setBody(body);
        assertThatThrownBy(() -> answers.userFound(exchange)).isInstanceOf(InvalidGraphAnswerException.class);
        assertThat(exchange.getProperty(Props.USER_ID)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"1569D944-27FD-5601-9416-3E3519EEF744\"}",
            "{\"value\":[{\"id\":\"1569d944-27fd-5601-9416-3e3519eef744\"}]}"})
    void aUserFoundIsKeptLowerCasedWithHowItWasFound(String body) throws Exception {
        Exchange exchange = exchangeWith(Props.LOOKUP_BY, "mail");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getIn().setBody(body);
        answers.userFound(exchange);
        assertThat(exchange.getProperty(Props.USER_ID)).isEqualTo("1569d944-27fd-5601-9416-3e3519eef744");
        assertThat(exchange.getProperty(Props.RESOLVED_BY)).isEqualTo("mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x' or 1 eq 1 or teamsApp/id eq 'y", "{{env:TEAMS_CLIENT_SECRET}}", "a&$top=1"})
    void aCatalogIdThatIsNoIdIsRefusedAndForgotten(String id) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable("global:catalogId", id);
        assertThatThrownBy(() -> answers.checkCatalogId(exchange)).isInstanceOf(InvalidGraphAnswerException.class);
        assertThat(exchange.getVariable("global:catalogId")).isNull();
    }

    private static Exchange exchangeWith(String property, String value) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(property, value);
        return exchange;
    }
}
