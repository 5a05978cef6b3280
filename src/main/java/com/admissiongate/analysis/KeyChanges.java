package com.admissiongate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Honours a deliberate signing-key change an operator registered for the package. The history only knows which
 * certificates were registered ({@code history.registeredKeyChanges}); whether this upload is the one they were
 * registered for depends on its signer, known only after analysis. So the flag the rule pack reads,
 * {@code history.keyChangeRegistered}, is set here, right before evaluation: true only when a signer of the APK is
 * a registered certificate. An upload signed by any other new key still fires SIGN-02.
 */
public final class KeyChanges {

    static final String REGISTERED = "registeredKeyChanges";

    private KeyChanges() {
    }

    /** Whether {@link #resolve} may change {@code history}: it names registered key changes. */
    public static boolean applies(JsonNode history) {
        return history != null && history.isObject() && history.path(REGISTERED).isArray()
                && !history.path(REGISTERED).isEmpty();
    }

    static JsonNode resolve(JsonNode history, JsonNode facts) {
        if (!applies(history) || facts == null) {
            return history;
        }
        Set<String> registered = new HashSet<>();
        history.path(REGISTERED).forEach(c -> registered.add(c.asText().toLowerCase(Locale.ROOT)));
        boolean matches = false;
        for (JsonNode s : facts.path("signing").path("signers")) {
            matches |= registered.contains(s.path("certSha256").asText("").toLowerCase(Locale.ROOT));
        }
        if (!matches) {
            return history;
        }
        ObjectNode copy = ((ObjectNode) history).deepCopy();
        copy.put("keyChangeRegistered", true);
        return copy;
    }
}
