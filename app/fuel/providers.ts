import fuelSupplier from '#app/fuel/providers/fuel_supplier'

/* The supplier whose cards a fuel reseller sells. */
export default [fuelSupplier]
