# Databricks notebook source
# MAGIC %md
# MAGIC # Forecast demand
# MAGIC Weekly demand forecast per store with `forecast::auto.arima`.

# COMMAND ----------

library(SparkR)
library(forecast)
horizon <- as.integer(dbutils.widgets.get("horizon_weeks"))

# COMMAND ----------

weekly <- collect(sql("SELECT store_id, date_trunc('week', order_date) AS week, SUM(quantity) AS units FROM silver.sales GROUP BY 1, 2 ORDER BY 1, 2"))
forecasts <- lapply(split(weekly, weekly$store_id), function(s) {
  fit <- auto.arima(ts(s$units, frequency = 52))
  data.frame(store_id = s$store_id[1], week_ahead = seq_len(horizon), units = as.numeric(forecast(fit, h = horizon)$mean))
})
saveAsTable(createDataFrame(do.call(rbind, forecasts)), "gold.demand_forecast", mode = "overwrite")
