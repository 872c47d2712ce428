package com.freightline.api.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.freightline.api.shipment.domain.ShipmentRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carriers post tracking events here, signed with our shared secret. Unknown event types are
 * acknowledged and dropped, so a carrier adding one does not make it retry forever.
 */
@RestController
public class TrackingWebhookController {

    private final ShipmentRepository shipments;
    private final ObjectMapper objectMapper;
    private final byte[] secret;

    public TrackingWebhookController(ShipmentRepository shipments, ObjectMapper objectMapper,
                                     @Value("${freightline.tracking.webhook-secret}") String secret) {
        this.shipments = shipments;
        this.objectMapper = objectMapper;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/webhooks/tracking/{carrier}")
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String carrier,
                                                       @RequestHeader(value = "X-Signature", required = false) String signature,
                                                       @RequestBody byte[] payload,
                                                       HttpServletRequest request) throws IOException {
        if (signature == null || !signatureMatches(payload, signature)) {
            return ResponseEntity.badRequest().body(Map.of(
                    "timestamp", Instant.now().toString(),
                    "status", 400,
                    "code", "TRK-001",
                    "message", "X-Signature does not match the payload",
                    "path", request.getRequestURI()));
        }

        JsonNode event = objectMapper.readTree(payload);
        Optional<TrackingEventType> type = TrackingEventType.fromType(event.path("type").asText());
        if (type.isEmpty()) {
            return ResponseEntity.accepted().body(Map.of("received", true, "handled", false));
        }
        String trackingNumber = event.path("data").path("trackingNumber").asText();
        boolean handled = shipments.findByTrackingNumber(trackingNumber).map(shipment -> {
            if (type.get() == TrackingEventType.PICKED_UP) {
                shipment.dispatch();
            }
            return true;
        }).orElse(false);
        return ResponseEntity.ok(Map.of("received", true, "handled", handled));
    }

    private boolean signatureMatches(byte[] payload, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal(payload);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
        } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
            return false;
        }
    }
}
