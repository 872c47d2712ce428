package com.freightline.api.shipment.domain;

public enum ShipmentStatus {
    DRAFT,
    BOOKED,
    DISPATCHED,
    DELIVERED,
    CANCELLED;

    public boolean isEditable() {
        return this == DRAFT || this == BOOKED;
    }
}
