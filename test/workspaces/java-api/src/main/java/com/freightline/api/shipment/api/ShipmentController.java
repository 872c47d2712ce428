package com.freightline.api.shipment.api;

import com.freightline.api.carrier.CarrierCode;
import com.freightline.api.global.config.ApiKeyAuthenticationFilter;
import com.freightline.api.reference.Incoterm;
import com.freightline.api.shipment.application.ShipmentService;
import com.freightline.api.shipment.domain.Address;
import com.freightline.api.shipment.domain.ServiceLevel;
import com.freightline.api.shipment.domain.Shipment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/shipments")
public class ShipmentController {

    public record CreateShipmentRequest(
            @NotBlank String warehouseCode,
            @NotNull @Valid Address destination,
            @NotNull @DecimalMin("0.01") BigDecimal weightKg,
            @NotNull ServiceLevel serviceLevel,
            @NotNull CarrierCode carrier,
            Incoterm incoterm,
            boolean dangerousGoods) {
    }

    public record UpdateShipmentRequest(@Valid Address destination, @DecimalMin("0.01") BigDecimal weightKg) {
    }

    private final ShipmentService shipmentService;

    public ShipmentController(ShipmentService shipmentService) {
        this.shipmentService = shipmentService;
    }

    @PostMapping
    public ResponseEntity<Shipment> create(@RequestAttribute(ApiKeyAuthenticationFilter.ACCOUNT_ATTRIBUTE) String accountId,
                                           @Valid @RequestBody CreateShipmentRequest request) {
        Shipment shipment = shipmentService.create(accountId, new ShipmentService.NewShipment(
                request.warehouseCode(), request.destination(), request.weightKg(), request.serviceLevel(), request.carrier(),
                request.incoterm() == null ? Incoterm.DAP : request.incoterm(), request.dangerousGoods()));
        return ResponseEntity.created(URI.create("/api/v1/shipments/" + shipment.getId()))
                .eTag(String.valueOf(shipment.getVersion()))
                .body(shipment);
    }

    @GetMapping("/{shipmentId}")
    public ResponseEntity<Shipment> get(@RequestAttribute(ApiKeyAuthenticationFilter.ACCOUNT_ATTRIBUTE) String accountId,
                                        @PathVariable String shipmentId) {
        Shipment shipment = shipmentService.get(accountId, shipmentId);
        return ResponseEntity.ok().eTag(String.valueOf(shipment.getVersion())).body(shipment);
    }

    @PatchMapping("/{shipmentId}")
    public ResponseEntity<Shipment> update(@RequestAttribute(ApiKeyAuthenticationFilter.ACCOUNT_ATTRIBUTE) String accountId,
                                           @PathVariable String shipmentId,
                                           @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
                                           @Valid @RequestBody UpdateShipmentRequest request) {
        long expectedVersion = Long.parseLong(ifMatch.replace("\"", ""));
        Shipment shipment = shipmentService.update(accountId, shipmentId, expectedVersion, request.destination(), request.weightKg());
        return ResponseEntity.ok().eTag(String.valueOf(shipment.getVersion())).body(shipment);
    }

    @PostMapping("/{shipmentId}/cancel")
    public Shipment cancel(@RequestAttribute(ApiKeyAuthenticationFilter.ACCOUNT_ATTRIBUTE) String accountId,
                           @PathVariable String shipmentId) {
        return shipmentService.cancel(accountId, shipmentId);
    }

    @PostMapping(value = "/{shipmentId}/label", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> label(@RequestAttribute(ApiKeyAuthenticationFilter.ACCOUNT_ATTRIBUTE) String accountId,
                                        @PathVariable String shipmentId) {
        byte[] pdf = shipmentService.bookLabel(accountId, shipmentId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + shipmentId + ".pdf\"")
                .body(pdf);
    }
}
