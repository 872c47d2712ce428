package com.freightline.api.shipment.exception;

import com.freightline.api.global.error.EntityNotFoundException;
import com.freightline.api.global.error.ErrorCode;

public class ShipmentNotFoundException extends EntityNotFoundException {

    public ShipmentNotFoundException(String shipmentId) {
        super(ErrorCode.SHIPMENT_NOT_FOUND, "Shipment " + shipmentId + " does not exist");
    }
}
