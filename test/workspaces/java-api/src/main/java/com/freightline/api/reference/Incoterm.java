package com.freightline.api.reference;

/**
 * Incoterms 2020: who pays for carriage and duties. Printed on customs documents by code.
 */
public enum Incoterm {
    EXW("EXW", "Ex Works", false),
    FCA("FCA", "Free Carrier", false),
    CPT("CPT", "Carriage Paid To", false),
    DAP("DAP", "Delivered at Place", false),
    DPU("DPU", "Delivered at Place Unloaded", false),
    DDP("DDP", "Delivered Duty Paid", true);

    private final String code;
    private final String label;
    private final boolean sellerPaysDuties;

    Incoterm(String code, String label, boolean sellerPaysDuties) {
        this.code = code;
        this.label = label;
        this.sellerPaysDuties = sellerPaysDuties;
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public boolean sellerPaysDuties() {
        return sellerPaysDuties;
    }
}
