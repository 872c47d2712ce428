package com.freightline.api.warehouse;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.freightline.api.ApiTestSupport;
import com.freightline.api.global.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

@SpringBootTest
@AutoConfigureMockMvc
class WarehouseControllerTest extends ApiTestSupport {

    @Autowired
    private WarehouseRepository warehouses;

    @BeforeEach
    void stock() {
        warehouses.findByCode("AMS1").orElseThrow().getStockBySku().put("SKU-1001", 3);
    }

    @Test
    void unknownWarehouse() throws Exception {
        mvc.perform(get("/api/v1/warehouses/XXX9").header("X-Api-Key", API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("WHS-001"))
                .andExpect(jsonPath("$.message").value("Warehouse not found"));
    }

    @Test
    void unknownSku() throws Exception {
        mvc.perform(get("/api/v1/warehouses/AMS1/stock/SKU-0000").header("X-Api-Key", API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value(ErrorCode.SKU_NOT_FOUND.getCode()));
    }

    @Test
    void reservingMoreThanIsInStock() throws Exception {
        mvc.perform(post("/api/v1/warehouses/AMS1/reservations").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\": \"SKU-1001\", \"quantity\": 5}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("WHS-005"))
                .andExpect(jsonPath("$.message").value("Only 3 of SKU SKU-1001 are available"));
    }

    @Test
    void inboundBeyondCapacity() throws Exception {
        mvc.perform(post("/api/v1/warehouses/FRA2/inbound").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pallets\": 5000}"))
                .andExpect(status().is(409))
                .andExpect(jsonPath("$.code").value("WHS-002"));
    }

    @Test
    void countryMustBeTwoLetters() throws Exception {
        mvc.perform(get("/api/v1/warehouses/AMS1/serves").param("country", "NLD").header("X-Api-Key", API_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REQ-001"))
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }
}
