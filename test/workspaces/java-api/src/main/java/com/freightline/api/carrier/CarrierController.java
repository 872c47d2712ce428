package com.freightline.api.carrier;

import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.shipment.domain.ServiceLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/carriers")
public class CarrierController {

    private final CarrierClient carrierClient;

    public CarrierController(CarrierClient carrierClient) {
        this.carrierClient = carrierClient;
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return Arrays.stream(CarrierCode.values())
                .map(carrier -> Map.<String, Object>of(
                        "code", carrier.getCode(),
                        "name", carrier.getDisplayName(),
                        "bookable", carrierClient.supports(carrier)))
                .toList();
    }

    @GetMapping("/{carrierCode}/services")
    public List<String> services(@PathVariable String carrierCode) {
        CarrierCode carrier = CarrierCode.fromCode(carrierCode).orElseThrow(ErrorCode.CARRIER_NOT_SUPPORTED);
        if (!carrierClient.supports(carrier)) {
            throw ErrorCode.CARRIER_NOT_SUPPORTED.exception("%s is not bookable through Freightline", carrier.getDisplayName());
        }
        return Arrays.stream(ServiceLevel.values()).map(Enum::name).toList();
    }
}
