package com.freightline.api.reference;

import java.math.BigDecimal;

/** Package types and the heaviest parcel each service level accepts for them, in kilograms. */
public enum PackageType {
    ENVELOPE("ENV", new BigDecimal("2.0")),
    BOX("BOX", new BigDecimal("31.5")),
    TUBE("TUB", new BigDecimal("10.0")),
    PALLET("PLT", new BigDecimal("1000.0"));

    private final String code;
    private final BigDecimal maxWeightKg;

    PackageType(String code, BigDecimal maxWeightKg) {
        this.code = code;
        this.maxWeightKg = maxWeightKg;
    }

    public String getCode() {
        return code;
    }

    public BigDecimal getMaxWeightKg() {
        return maxWeightKg;
    }
}
