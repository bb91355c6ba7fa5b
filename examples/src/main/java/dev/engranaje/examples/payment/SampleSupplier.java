package dev.engranaje.examples.payment;

/**
 * A supplier of the sample master.
 *
 * @param iban the IBAN the master holds (an invoice may carry another one: a changed bank account)
 */
public record SampleSupplier(String supplierId, String name, String vatId, String iban, String bic, String email,
    String country, String street, String city, String postcode) {}
