package com.freightline.api.shipment;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.freightline.api.ApiTestSupport;
import com.freightline.api.global.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ShipmentControllerTest extends ApiTestSupport {

    private static final String NEW_SHIPMENT = """
            {
              "warehouseCode": "AMS1",
              "destination": {"name": "Jan de Vries", "street": "Keizersgracht 1", "postalCode": "1015 CC", "city": "Amsterdam", "country": "NL"},
              "weightKg": 4.2,
              "serviceLevel": "ECONOMY",
              "carrier": "DHL"
            }
            """;

    @Test
    void unknownShipmentIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/shipments/shp_missing").header("X-Api-Key", API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SHP-001"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.message").value("Shipment shp_missing does not exist"))
                .andExpect(jsonPath("$.path").value("/api/v1/shipments/shp_missing"));
    }

    @Test
    void requestsWithoutAnApiKeyAreRejectedByTheFilter() throws Exception {
        mvc.perform(get("/api/v1/shipments/shp_missing"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("ApiKey")))
                .andExpect(jsonPath("$.code").value("AUTH-001"));
    }

    @Test
    void expiredKeysHaveTheirOwnCode() throws Exception {
        mvc.perform(get("/api/v1/shipments/shp_missing").header("X-Api-Key", EXPIRED_KEY))
                .andExpect(status().is(401))
                .andExpect(jsonPath("$.code").value(ErrorCode.TOKEN_EXPIRED.getCode()));
    }

    @Test
    void anotherAccountsShipmentIsForbidden() throws Exception {
        String id = createShipment();

        mvc.perform(get("/api/v1/shipments/" + id).header("X-Api-Key", OTHER_ACCOUNT_KEY))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("AUTH-004"));
    }

    @Test
    void tooHeavyForTheServiceLevelNamesTheField() throws Exception {
        mvc.perform(post("/api/v1/shipments").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SHIPMENT.replace("4.2", "48.0")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("SHP-005"))
                .andExpect(jsonPath("$.errors[0].field").value("weightKg"))
                .andExpect(jsonPath("$.errors[0].rejectedValue").value("48.0"));
    }

    @Test
    void destinationOutsideTheWarehouseAreaIsRejected() throws Exception {
        mvc.perform(post("/api/v1/shipments").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SHIPMENT.replace("\"NL\"", "\"US\"")))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("WHS-003"))
                .andExpect(jsonPath("$.errors[0].field").value("destination.country"));
    }

    @Test
    void dangerousGoodsNeedFreight() throws Exception {
        mvc.perform(post("/api/v1/shipments").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SHIPMENT.replace("\"carrier\"", "\"dangerousGoods\": true, \"carrier\"")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("SHP-006"));
    }

    @Test
    void missingFieldsAreListed() throws Exception {
        mvc.perform(post("/api/v1/shipments").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"warehouseCode\": \"AMS1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REQ-001"))
                .andExpect(jsonPath("$.errors").isArray());
    }

    @Test
    void unknownServiceLevelIsATypeError() throws Exception {
        mvc.perform(post("/api/v1/shipments").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SHIPMENT.replace("ECONOMY", "OVERNIGHT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REQ-002"));
    }

    @Test
    void staleIfMatchIsAPreconditionFailure() throws Exception {
        String id = createShipment();

        mvc.perform(patch("/api/v1/shipments/" + id).header("X-Api-Key", API_KEY)
                        .header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weightKg\": 5.0}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("REQ-006"));
    }

    @Test
    void cancelledShipmentCannotChange() throws Exception {
        String id = createShipment();
        mvc.perform(post("/api/v1/shipments/" + id + "/cancel").header("X-Api-Key", API_KEY)).andExpect(status().isOk());

        mvc.perform(patch("/api/v1/shipments/" + id).header("X-Api-Key", API_KEY)
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weightKg\": 5.0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SHP-003"));
    }

    @Test
    void unknownPathsAnswerInTheSameShape() throws Exception {
        mvc.perform(get("/api/v1/shipment").header("X-Api-Key", API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("REQ-005"));
    }

    private String createShipment() throws Exception {
        ResultActions created = mvc.perform(post("/api/v1/shipments").header("X-Api-Key", API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SHIPMENT))
                .andExpect(status().isCreated());
        MvcResult result = created.andReturn();
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
