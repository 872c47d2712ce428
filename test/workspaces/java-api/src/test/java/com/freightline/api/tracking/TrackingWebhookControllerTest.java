package com.freightline.api.tracking;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.freightline.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

@SpringBootTest
@AutoConfigureMockMvc
class TrackingWebhookControllerTest extends ApiTestSupport {

    @Test
    void aBadSignatureIsRefused() throws Exception {
        mvc.perform(post("/webhooks/tracking/DHL")
                        .header("X-Signature", "00ff")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"shipment.delivered\", \"data\": {\"trackingNumber\": \"JD014600006281230704\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TRK-001"))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void unknownTrackingNumber() throws Exception {
        mvc.perform(get("/api/v1/tracking/JD000000000000000000").header("X-Api-Key", API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TRK-002"));
    }
}
