package com.freightline.api.shipment.exception;

import com.freightline.api.global.error.BusinessException;
import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.shipment.domain.Shipment;
import com.freightline.api.shipment.domain.ShipmentStatus;

/** The shipment has left the warehouse or was cancelled; the code tells which. */
public class ShipmentNotEditableException extends BusinessException {

    public ShipmentNotEditableException(Shipment shipment) {
        super(shipment.getStatus() == ShipmentStatus.CANCELLED ? ErrorCode.SHIPMENT_CANCELLED : ErrorCode.SHIPMENT_ALREADY_DISPATCHED,
                "Shipment " + shipment.getId() + " is " + shipment.getStatus().name().toLowerCase());
    }
}
