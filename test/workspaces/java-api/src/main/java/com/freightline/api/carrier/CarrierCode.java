package com.freightline.api.carrier;

import java.util.Arrays;
import java.util.Optional;

/** The carriers we book with, by the code they use for themselves in tracking feeds. */
public enum CarrierCode {
    DHL("DHL", "DHL Express"),
    UPS("UPS", "United Parcel Service"),
    POSTNL("PNL", "PostNL"),
    DPD("DPD", "DPD Group");

    private final String code;
    private final String displayName;

    CarrierCode(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String getCode() {
        return code;
    }

    public String getDisplayName() {
        return displayName;
    }

    public static Optional<CarrierCode> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equalsIgnoreCase(code)).findFirst();
    }
}
