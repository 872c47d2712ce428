package com.freightline.api.shipment.application;

import com.freightline.api.carrier.CarrierClient;
import com.freightline.api.carrier.CarrierCode;
import com.freightline.api.global.error.BusinessException;
import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.global.error.InvalidValueException;
import com.freightline.api.reference.Incoterm;
import com.freightline.api.shipment.domain.Address;
import com.freightline.api.shipment.domain.ServiceLevel;
import com.freightline.api.shipment.domain.Shipment;
import com.freightline.api.shipment.domain.ShipmentRepository;
import com.freightline.api.shipment.domain.ShipmentStatus;
import com.freightline.api.shipment.exception.ShipmentNotEditableException;
import com.freightline.api.shipment.exception.ShipmentNotFoundException;
import com.freightline.api.warehouse.Warehouse;
import com.freightline.api.warehouse.WarehouseRepository;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
public class ShipmentService {

    public record NewShipment(String warehouseCode, Address destination, BigDecimal weightKg, ServiceLevel serviceLevel,
                              CarrierCode carrier, Incoterm incoterm, boolean dangerousGoods) {
    }

    private final ShipmentRepository shipments;
    private final WarehouseRepository warehouses;
    private final CarrierClient carrierClient;

    public ShipmentService(ShipmentRepository shipments, WarehouseRepository warehouses, CarrierClient carrierClient) {
        this.shipments = shipments;
        this.warehouses = warehouses;
        this.carrierClient = carrierClient;
    }

    public Shipment create(String accountId, NewShipment request) {
        Warehouse warehouse = warehouses.findByCode(request.warehouseCode()).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND);
        checkDestination(warehouse, request.destination());
        checkWeight(request.serviceLevel(), request.weightKg());
        if (request.dangerousGoods() && !request.serviceLevel().carriesDangerousGoods()) {
            throw new BusinessException(ErrorCode.DANGEROUS_GOODS_NOT_ALLOWED,
                    request.serviceLevel() + " does not carry dangerous goods; use FREIGHT");
        }
        Shipment shipment = new Shipment("shp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), accountId,
                warehouse.getCode(), request.destination(), request.weightKg(), request.serviceLevel(), request.carrier(),
                request.incoterm(), request.dangerousGoods());
        return shipments.save(shipment);
    }

    public Shipment get(String accountId, String shipmentId) {
        Shipment shipment = shipments.findById(shipmentId).orElseThrow(() -> new ShipmentNotFoundException(shipmentId));
        if (!shipment.getAccountId().equals(accountId)) {
            throw new BusinessException(ErrorCode.FOREIGN_ACCOUNT);
        }
        return shipment;
    }

    public Shipment update(String accountId, String shipmentId, long expectedVersion, Address destination, BigDecimal weightKg) {
        Shipment shipment = get(accountId, shipmentId);
        if (shipment.getVersion() != expectedVersion) {
            throw ErrorCode.STALE_VERSION.exception("Shipment %s is at version %d, not %d", shipmentId, shipment.getVersion(), expectedVersion);
        }
        if (!shipment.getStatus().isEditable()) {
            throw new ShipmentNotEditableException(shipment);
        }
        if (destination != null) {
            Warehouse warehouse = warehouses.findByCode(shipment.getWarehouseCode()).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND);
            checkDestination(warehouse, destination);
            shipment.changeDestination(destination);
        }
        if (weightKg != null) {
            checkWeight(shipment.getServiceLevel(), weightKg);
            shipment.changeWeight(weightKg);
        }
        return shipment;
    }

    public Shipment cancel(String accountId, String shipmentId) {
        Shipment shipment = get(accountId, shipmentId);
        if (shipment.getStatus() == ShipmentStatus.CANCELLED) {
            return shipment;
        }
        if (!shipment.getStatus().isEditable()) {
            throw new ShipmentNotEditableException(shipment);
        }
        shipment.cancel();
        return shipment;
    }

    public byte[] bookLabel(String accountId, String shipmentId) {
        Shipment shipment = get(accountId, shipmentId);
        if (shipment.getStatus() != ShipmentStatus.DRAFT) {
            throw new ShipmentNotEditableException(shipment);
        }
        CarrierClient.Booking booking = carrierClient.book(shipment);
        shipment.book(booking.trackingNumber());
        return booking.labelPdf();
    }

    private static void checkDestination(Warehouse warehouse, Address destination) {
        if (destination.postalCode().isBlank()) {
            throw new InvalidValueException(ErrorCode.INVALID_ADDRESS, "destination.postalCode", destination.postalCode(), "is required");
        }
        if (!warehouse.serves(destination.country())) {
            throw new InvalidValueException(ErrorCode.DESTINATION_NOT_SERVED, "destination.country", destination.country(),
                    warehouse.getName() + " does not ship to " + destination.country());
        }
    }

    private static void checkWeight(ServiceLevel serviceLevel, BigDecimal weightKg) {
        if (weightKg.compareTo(serviceLevel.getMaxWeightKg()) > 0) {
            throw new InvalidValueException(ErrorCode.WEIGHT_LIMIT_EXCEEDED, "weightKg", weightKg,
                    serviceLevel + " takes parcels up to " + serviceLevel.getMaxWeightKg() + " kg");
        }
    }
}
