package com.freightline.api.tracking;

import java.util.Arrays;
import java.util.Optional;

/** The {@code type} of the events carriers post to our webhook. */
public enum TrackingEventType {
    PICKED_UP("shipment.picked_up"),
    IN_TRANSIT("shipment.in_transit"),
    OUT_FOR_DELIVERY("shipment.out_for_delivery"),
    DELIVERED("shipment.delivered"),
    DELIVERY_FAILED("shipment.delivery_failed"),
    RETURNED("shipment.returned");

    private final String type;

    TrackingEventType(String type) {
        this.type = type;
    }

    public String getType() {
        return type;
    }

    public static Optional<TrackingEventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
