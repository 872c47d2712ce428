package com.freightline.api.tracking;

import com.freightline.api.global.error.BusinessException;
import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.shipment.domain.Shipment;
import com.freightline.api.shipment.domain.ShipmentRepository;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tracking")
public class TrackingController {

    private final ShipmentRepository shipments;

    public TrackingController(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @GetMapping("/{trackingNumber}")
    public Map<String, Object> track(@PathVariable String trackingNumber) {
        Shipment shipment = shipments.findByTrackingNumber(trackingNumber)
                .orElseThrow(() -> new BusinessException(ErrorCode.TRACKING_NUMBER_UNKNOWN, "No shipment has the tracking number " + trackingNumber));
        return Map.of(
                "trackingNumber", trackingNumber,
                "carrier", shipment.getCarrier().getCode(),
                "status", shipment.getStatus().name(),
                "updatedAt", shipment.getUpdatedAt().toString());
    }
}
