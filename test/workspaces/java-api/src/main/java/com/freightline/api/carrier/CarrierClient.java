package com.freightline.api.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.global.error.RetryLaterException;
import com.freightline.api.shipment.domain.Shipment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Books shipments with the carriers' APIs. Their statuses and error codes are theirs
 * ({@code {"errors": [{"code": "INVALID_POSTCODE"}]}}); this class turns them into ours.
 */
@Component
public class CarrierClient {

    public record Booking(String trackingNumber, byte[] labelPdf) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper objectMapper;
    private final Map<CarrierCode, URI> baseUrls;

    public CarrierClient(ObjectMapper objectMapper,
                         @Value("${freightline.carriers.dhl.base-url}") URI dhl,
                         @Value("${freightline.carriers.ups.base-url}") URI ups) {
        this.objectMapper = objectMapper;
        this.baseUrls = Map.of(CarrierCode.DHL, dhl, CarrierCode.UPS, ups);
    }

    public boolean supports(CarrierCode carrier) {
        return baseUrls.containsKey(carrier);
    }

    public Booking book(Shipment shipment) {
        URI baseUrl = baseUrls.get(shipment.getCarrier());
        if (baseUrl == null) {
            throw ErrorCode.CARRIER_NOT_SUPPORTED.exception("%s is not bookable through Freightline", shipment.getCarrier().getDisplayName());
        }
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(baseUrl.resolve("shipments"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody(shipment)))
                .build());

        switch (response.statusCode()) {
            case 200, 201 -> {
                JsonNode body = readTree(response.body());
                return new Booking(body.path("trackingNumber").asText(), java.util.Base64.getDecoder().decode(body.path("label").asText()));
            }
            case 400, 422 -> {
                String carrierCode = readTree(response.body()).path("errors").path(0).path("code").asText("UNKNOWN");
                throw ErrorCode.CARRIER_REJECTED_BOOKING.exception("%s refused the booking: %s", shipment.getCarrier().getDisplayName(), carrierCode);
            }
            case 429, 503 -> {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(30);
                throw new RetryLaterException(ErrorCode.CARRIER_UNAVAILABLE,
                        shipment.getCarrier().getDisplayName() + " is not taking bookings right now", Duration.ofSeconds(seconds));
            }
            default -> throw ErrorCode.CARRIER_REJECTED_BOOKING.exception("%s answered %d", shipment.getCarrier().getDisplayName(), response.statusCode());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new com.freightline.api.global.error.BusinessException(ErrorCode.CARRIER_TIMEOUT);
        } catch (IOException e) {
            throw new RetryLaterException(ErrorCode.CARRIER_UNAVAILABLE, "The carrier could not be reached", Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] requestBody(Shipment shipment) {
        try {
            return objectMapper.writeValueAsBytes(Map.of(
                    "service", shipment.getServiceLevel().name(),
                    "weightKg", shipment.getWeightKg(),
                    "incoterm", shipment.getIncoterm().getCode(),
                    "destination", shipment.getDestination()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(byte[] body) {
        try {
            return objectMapper.readTree(body);
        } catch (IOException e) {
            throw ErrorCode.CARRIER_REJECTED_BOOKING.exception("The carrier answered with an unreadable body");
        }
    }
}
