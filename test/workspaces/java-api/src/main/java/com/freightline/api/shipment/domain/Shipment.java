package com.freightline.api.shipment.domain;

import com.freightline.api.carrier.CarrierCode;
import com.freightline.api.reference.Incoterm;
import java.math.BigDecimal;
import java.time.Instant;

public class Shipment {

    private final String id;
    private final String accountId;
    private final String warehouseCode;
    private Address destination;
    private BigDecimal weightKg;
    private ServiceLevel serviceLevel;
    private CarrierCode carrier;
    private Incoterm incoterm;
    private boolean dangerousGoods;
    private ShipmentStatus status = ShipmentStatus.DRAFT;
    private String trackingNumber;
    private long version;
    private Instant updatedAt = Instant.now();

    public Shipment(String id, String accountId, String warehouseCode, Address destination, BigDecimal weightKg,
                    ServiceLevel serviceLevel, CarrierCode carrier, Incoterm incoterm, boolean dangerousGoods) {
        this.id = id;
        this.accountId = accountId;
        this.warehouseCode = warehouseCode;
        this.destination = destination;
        this.weightKg = weightKg;
        this.serviceLevel = serviceLevel;
        this.carrier = carrier;
        this.incoterm = incoterm;
        this.dangerousGoods = dangerousGoods;
    }

    public String getId() { return id; }
    public String getAccountId() { return accountId; }
    public String getWarehouseCode() { return warehouseCode; }
    public Address getDestination() { return destination; }
    public BigDecimal getWeightKg() { return weightKg; }
    public ServiceLevel getServiceLevel() { return serviceLevel; }
    public CarrierCode getCarrier() { return carrier; }
    public Incoterm getIncoterm() { return incoterm; }
    public boolean isDangerousGoods() { return dangerousGoods; }
    public ShipmentStatus getStatus() { return status; }
    public String getTrackingNumber() { return trackingNumber; }
    public long getVersion() { return version; }
    public Instant getUpdatedAt() { return updatedAt; }

    public void changeDestination(Address destination) {
        this.destination = destination;
        touch();
    }

    public void changeWeight(BigDecimal weightKg) {
        this.weightKg = weightKg;
        touch();
    }

    public void book(String trackingNumber) {
        this.trackingNumber = trackingNumber;
        this.status = ShipmentStatus.BOOKED;
        touch();
    }

    public void dispatch() {
        this.status = ShipmentStatus.DISPATCHED;
        touch();
    }

    public void cancel() {
        this.status = ShipmentStatus.CANCELLED;
        touch();
    }

    private void touch() {
        version++;
        updatedAt = Instant.now();
    }
}
