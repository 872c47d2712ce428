package com.freightline.api.shipment.domain;

import java.math.BigDecimal;

public enum ServiceLevel {
    ECONOMY(new BigDecimal("31.5"), false),
    EXPRESS(new BigDecimal("70.0"), false),
    FREIGHT(new BigDecimal("1000.0"), true);

    private final BigDecimal maxWeightKg;
    private final boolean carriesDangerousGoods;

    ServiceLevel(BigDecimal maxWeightKg, boolean carriesDangerousGoods) {
        this.maxWeightKg = maxWeightKg;
        this.carriesDangerousGoods = carriesDangerousGoods;
    }

    public BigDecimal getMaxWeightKg() {
        return maxWeightKg;
    }

    public boolean carriesDangerousGoods() {
        return carriesDangerousGoods;
    }
}
