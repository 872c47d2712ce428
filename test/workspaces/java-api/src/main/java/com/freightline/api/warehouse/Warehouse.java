package com.freightline.api.warehouse;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public class Warehouse {

    private final String code;
    private final String name;
    private final Set<String> servedCountries;
    private final int palletCapacity;
    private int palletsStored;
    private final Map<String, Integer> stockBySku = new ConcurrentHashMap<>();

    public Warehouse(String code, String name, Set<String> servedCountries, int palletCapacity) {
        this.code = code;
        this.name = name;
        this.servedCountries = servedCountries;
        this.palletCapacity = palletCapacity;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public Set<String> getServedCountries() { return servedCountries; }
    public int getPalletCapacity() { return palletCapacity; }
    public int getPalletsStored() { return palletsStored; }
    public Map<String, Integer> getStockBySku() { return stockBySku; }

    public boolean serves(String country) {
        return servedCountries.contains(country);
    }

    public int freePallets() {
        return palletCapacity - palletsStored;
    }

    public void receivePallets(int pallets) {
        palletsStored += pallets;
    }
}
