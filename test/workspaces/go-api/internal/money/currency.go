// Package money knows the currencies the shop sells in and how to print amounts kept in minor units.
package money

import (
	"fmt"
	"strings"
)

// Currency is an ISO 4217 currency; Code is its three-letter code.
type Currency struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Symbol     string `json:"symbol"`
	MinorUnits int    `json:"minor_units"`
}

var currencies = map[string]Currency{
	"EUR": {Code: "EUR", Name: "Euro", Symbol: "€", MinorUnits: 2},
	"USD": {Code: "USD", Name: "US Dollar", Symbol: "$", MinorUnits: 2},
	"GBP": {Code: "GBP", Name: "Pound Sterling", Symbol: "£", MinorUnits: 2},
	"CHF": {Code: "CHF", Name: "Swiss Franc", Symbol: "CHF", MinorUnits: 2},
	"SEK": {Code: "SEK", Name: "Swedish Krona", Symbol: "kr", MinorUnits: 2},
	"JPY": {Code: "JPY", Name: "Yen", Symbol: "¥", MinorUnits: 0},
}

// Lookup accepts the code in any case ("eur", "EUR").
func Lookup(code string) (Currency, bool) {
	c, ok := currencies[strings.ToUpper(code)]
	return c, ok
}

// Format prints an amount in minor units, e.g. Format(1999, "EUR") is "19.99 EUR".
func Format(amount int64, code string) string {
	c, ok := Lookup(code)
	if !ok {
		return fmt.Sprintf("%d %s", amount, code)
	}
	if c.MinorUnits == 0 {
		return fmt.Sprintf("%d %s", amount, c.Code)
	}
	unit := int64(1)
	for i := 0; i < c.MinorUnits; i++ {
		unit *= 10
	}
	sign := ""
	if amount < 0 {
		sign, amount = "-", -amount
	}
	return fmt.Sprintf("%s%d.%0*d %s", sign, amount/unit, c.MinorUnits, amount%unit, c.Code)
}
