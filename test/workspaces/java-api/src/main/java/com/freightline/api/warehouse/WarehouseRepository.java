package com.freightline.api.warehouse;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Repository;

@Repository
public class WarehouseRepository {

    private final Map<String, Warehouse> warehouses = new ConcurrentHashMap<>(Map.of(
            "AMS1", new Warehouse("AMS1", "Amsterdam Schiphol", Set.of("NL", "BE", "DE", "FR"), 1200),
            "FRA2", new Warehouse("FRA2", "Frankfurt Ost", Set.of("DE", "AT", "CH", "PL"), 800)));

    public Optional<Warehouse> findByCode(String code) {
        return Optional.ofNullable(warehouses.get(code.toUpperCase()));
    }

    public void save(Warehouse warehouse) {
        warehouses.put(warehouse.getCode(), warehouse);
    }
}
