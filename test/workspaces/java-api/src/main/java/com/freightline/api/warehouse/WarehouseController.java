package com.freightline.api.warehouse;

import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.global.error.InvalidValueException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warehouses")
public class WarehouseController {

    public record StockLevel(String warehouse, String sku, int available) {
    }

    public record ReservationRequest(@NotBlank String sku, @Min(1) int quantity) {
    }

    public record InboundRequest(@Min(1) int pallets) {
    }

    private final WarehouseRepository warehouses;

    public WarehouseController(WarehouseRepository warehouses) {
        this.warehouses = warehouses;
    }

    @GetMapping("/{code}")
    public Map<String, Object> get(@PathVariable String code) {
        Warehouse warehouse = warehouses.findByCode(code).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND);
        return Map.of(
                "code", warehouse.getCode(),
                "name", warehouse.getName(),
                "servedCountries", warehouse.getServedCountries(),
                "freePallets", warehouse.freePallets());
    }

    @GetMapping("/{code}/stock/{sku}")
    public StockLevel stock(@PathVariable String code, @PathVariable String sku) {
        Warehouse warehouse = warehouses.findByCode(code).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND);
        Integer available = warehouse.getStockBySku().get(sku);
        if (available == null) {
            throw ErrorCode.SKU_NOT_FOUND.exception("Warehouse %s holds no SKU %s", warehouse.getCode(), sku);
        }
        return new StockLevel(warehouse.getCode(), sku, available);
    }

    @PostMapping("/{code}/reservations")
    @ResponseStatus(HttpStatus.CREATED)
    public StockLevel reserve(@PathVariable String code, @Valid @RequestBody ReservationRequest request) {
        Warehouse warehouse = warehouses.findByCode(code).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND);
        Integer available = warehouse.getStockBySku().get(request.sku());
        if (available == null) {
            throw ErrorCode.SKU_NOT_FOUND.exception("Warehouse %s holds no SKU %s", warehouse.getCode(), request.sku());
        }
        if (available < request.quantity()) {
            throw ErrorCode.INSUFFICIENT_STOCK.exception("Only %d of SKU %s are available", available, request.sku());
        }
        warehouse.getStockBySku().put(request.sku(), available - request.quantity());
        return new StockLevel(warehouse.getCode(), request.sku(), available - request.quantity());
    }

    @PostMapping("/{code}/inbound")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Integer> announceInbound(@PathVariable String code, @Valid @RequestBody InboundRequest request) {
        Warehouse warehouse = warehouses.findByCode(code).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND);
        if (request.pallets() > warehouse.freePallets()) {
            throw ErrorCode.WAREHOUSE_AT_CAPACITY.exception("%s has room for %d more pallets", warehouse.getName(), warehouse.freePallets());
        }
        warehouse.receivePallets(request.pallets());
        return Map.of("freePallets", warehouse.freePallets());
    }

    /** Which warehouse ships to a country; used by the shipping form before a shipment exists. */
    @GetMapping("/{code}/serves")
    public Map<String, Boolean> serves(@PathVariable String code, @RequestParam String country) {
        Warehouse warehouse = warehouses.findByCode(code).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND);
        if (country.length() != 2) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT_VALUE, "country", country, "must be an ISO 3166-1 alpha-2 code");
        }
        return Map.of("serves", warehouse.serves(country.toUpperCase()));
    }
}
