package com.freightline.api.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lookup tables for the shipping form. Every {@code code} here is an ISO or trade code, not an error. */
@RestController
@RequestMapping("/api/v1/reference")
public class ReferenceController {

    static final List<Map<String, Object>> COUNTRIES = List.of(
            Map.of("code", "DE", "name", "Germany", "euMember", true, "customsRequired", false),
            Map.of("code", "NL", "name", "Netherlands", "euMember", true, "customsRequired", false),
            Map.of("code", "FR", "name", "France", "euMember", true, "customsRequired", false),
            Map.of("code", "GB", "name", "United Kingdom", "euMember", false, "customsRequired", true),
            Map.of("code", "CH", "name", "Switzerland", "euMember", false, "customsRequired", true),
            Map.of("code", "US", "name", "United States", "euMember", false, "customsRequired", true));

    static final List<Map<String, String>> DOCUMENT_TYPES = List.of(
            Map.of("type", "application/pdf", "use", "label"),
            Map.of("type", "application/zpl", "use", "thermal label"),
            Map.of("type", "image/png", "use", "proof of delivery"));

    static final List<Map<String, String>> HS_CHAPTERS = List.of(
            Map.of("code", "8471", "description", "Computers and units thereof"),
            Map.of("code", "6109", "description", "T-shirts, knitted"),
            Map.of("code", "3004", "description", "Medicaments, in doses"));

    @GetMapping("/countries")
    public List<Map<String, Object>> countries() {
        return COUNTRIES;
    }

    @GetMapping("/incoterms")
    public List<Map<String, String>> incoterms() {
        return Arrays.stream(Incoterm.values())
                .map(term -> Map.of("code", term.getCode(), "label", term.getLabel()))
                .toList();
    }

    @GetMapping("/package-types")
    public List<Map<String, Object>> packageTypes() {
        return Arrays.stream(PackageType.values())
                .map(type -> Map.<String, Object>of("code", type.getCode(), "maxWeightKg", type.getMaxWeightKg()))
                .toList();
    }

    @GetMapping("/document-types")
    public List<Map<String, String>> documentTypes() {
        return DOCUMENT_TYPES;
    }

    @GetMapping("/hs-chapters")
    public List<Map<String, String>> hsChapters() {
        return HS_CHAPTERS;
    }
}
