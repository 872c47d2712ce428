package com.freightline.api.shipment.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Repository;

@Repository
public class ShipmentRepository {

    private final Map<String, Shipment> shipments = new ConcurrentHashMap<>();

    public Optional<Shipment> findById(String id) {
        return Optional.ofNullable(shipments.get(id));
    }

    public Optional<Shipment> findByTrackingNumber(String trackingNumber) {
        return shipments.values().stream().filter(s -> trackingNumber.equals(s.getTrackingNumber())).findFirst();
    }

    public Shipment save(Shipment shipment) {
        shipments.put(shipment.getId(), shipment);
        return shipment;
    }
}
